import { CloseOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { SlowActionThresholds } from '../../domain/slow-action';
import type { QuarterRanking } from '../../engine/ranking';
import { rankingMethodology } from '../../engine/ranking-view-methodology';
import { RankingPrintReport } from '../../export/print-ranking-report';
import { defineMessages } from '../../i18n';

const useMsg = defineMessages(
  {
    label: '季度通报打印预览',
    print: '打印 / 存为 PDF',
    close: '关闭预览',
    hint: 'A4 纵向；浏览器打印对话框中选择“另存为 PDF”即可得到 PDF 文件。',
  },
  {
    label: 'Quarterly bulletin print preview',
    print: 'Print / save as PDF',
    close: 'Close preview',
    hint: 'A4 portrait; choose “Save as PDF” in the print dialog for a PDF file.',
  },
);

/**
 * The print preview of the 季度通报 (`?print=1`): a paper-like overlay over the page, rendered
 * into <body> so that in print only the report is output (the print stylesheet hides the rest).
 * Kept in the URL so the preview can be linked and a test can print it to PDF.
 */
export function PrintView({
  ranking,
  thresholds,
  onClose,
}: {
  ranking: QuarterRanking;
  thresholds: SlowActionThresholds;
  onClose: () => void;
}) {
  const m = useMsg();
  // The generation time is fixed when the preview opens, so screen and paper agree.
  const [generatedAtMs] = useState(() => Date.now());
  const methodology = useMemo(() => rankingMethodology(ranking, thresholds), [ranking, thresholds]);

  useEffect(() => {
    const previous = document.title;
    // The browser proposes the document title as the PDF's file name.
    document.title = `部门效能评比排队季度通报-${ranking.quarter}`;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.title = previous;
      window.removeEventListener('keydown', onKey);
    };
  }, [ranking.quarter, onClose]);

  return createPortal(
    <div className="print-overlay" role="dialog" aria-modal="true" aria-label={m('label')}>
      <div className="print-toolbar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} autoFocus>
          {m('print')}
        </Button>
        <Button icon={<CloseOutlined />} onClick={onClose}>
          {m('close')}
        </Button>
        <Typography.Text type="secondary">{m('hint')}</Typography.Text>
      </div>
      <div className="print-page">
        <RankingPrintReport
          ranking={ranking}
          methodology={methodology}
          generatedAtMs={generatedAtMs}
        />
      </div>
    </div>,
    document.body,
  );
}
