import { CloseOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { defineMessages } from '../i18n';

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
 * A paper-like A4 preview over the page, rendered into <body> so that in print only the document
 * is output (the print stylesheet hides every other child of <body>). Sets the document title,
 * which the browser proposes as the PDF's file name.
 */
export function PrintOverlay({
  title,
  onClose,
  children,
}: {
  title: string;
  /** Absent on a page that is only the document (the public bulletin). */
  onClose?: () => void;
  children: ReactNode;
}) {
  const m = useMsg();
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose?.();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.title = previous;
      window.removeEventListener('keydown', onKey);
    };
  }, [title, onClose]);
  return createPortal(
    <div className="print-overlay" role="dialog" aria-modal="true" aria-label={m('label')}>
      <div className="print-toolbar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} autoFocus>
          {m('print')}
        </Button>
        {onClose ? (
          <Button icon={<CloseOutlined />} onClick={onClose}>
            {m('close')}
          </Button>
        ) : null}
        <Typography.Text type="secondary">{m('hint')}</Typography.Text>
      </div>
      <div className="print-page">{children}</div>
    </div>,
    document.body,
  );
}
