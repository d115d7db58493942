import { DownloadOutlined } from '@ant-design/icons';
import { FeedText } from '../ui/feed-text';
import { App, Button, Card, Dropdown, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import {
  chartSvgFromElement,
  generatedLine,
  legendFromElement,
  pngBlobFromSvg,
  svgBlob,
} from '../export/chart-image';
import { downloadBlob } from '../export/download';
import { defineMessages } from '../i18n';

const useMsg = defineMessages(
  {
    export: '导出',
    png: '导出 PNG',
    svg: '导出 SVG',
    generated: '生成时间：',
    zone: '（北京时间）',
    subtitleJoin: '　',
    failed: '图表导出失败：{reason}',
    noChart: '没有可导出的图表',
    exportLabel: '导出图表“{title}”',
    defaultSource: '数据来源：政务服务平台数据接口',
  },
  {
    export: 'Export',
    png: 'Export PNG',
    svg: 'Export SVG',
    generated: 'Generated: ',
    zone: ' (Beijing time)',
    subtitleJoin: ' · ',
    failed: 'Chart export failed: {reason}',
    noChart: 'There is no chart to export',
    exportLabel: 'Export chart “{title}”',
    defaultSource: 'Source: service platform feeds',
  },
);

export interface ChartFrameProps {
  /** Card and image title, e.g. "红牌最多的部门". */
  title: string;
  /**
   * Feed data the chart is about (a department's name), shown before the title and marked as
   * feed text (it stays Chinese in the English UI).
   */
  subject?: string;
  /** The period line shown under the title and in the image, e.g. "统计周期：2026年第3季度". */
  period?: string;
  /** Coverage, e.g. "14 / 15 个部门有数据" (shown under the title and in the image). */
  coverage?: string;
  /**
   * Data source line, e.g. "数据来源：市政务服务平台办件数据（统计截止 2026-09-30）"; without it the
   * image says "数据来源：政务服务平台数据接口".
   */
  source?: string;
  /**
   * File name without extension, Chinese with the period, e.g. "总览-红牌部门-2026Q3"
   * (→ 总览-红牌部门-2026Q3.png / .svg).
   */
  exportName: string;
  /**
   * A sentence that says what the chart shows, read by screen readers (the chart area is an
   * `img` with this label); pair it with a data table (`aside` or `below`) where the numbers matter.
   */
  summary: string;
  /** The recharts chart (ResponsiveContainer or fixed size). */
  children: ReactNode;
  /** Content beside the chart on wide screens (e.g. the data table), below on narrow ones. */
  aside?: ReactNode;
  /** Content below the chart (e.g. the data table or a note). */
  below?: ReactNode;
  /** Extra controls in the card header, left of the export button. */
  extra?: ReactNode;
  /** Chart area height in px (default 280). */
  height?: number;
  /** Test id for the card. */
  testId?: string;
}

/**
 * The chart's own drawing inside the chart area: a recharts surface (not a legend icon, which is
 * a small recharts-surface too), else the largest `<svg>` (a hand-drawn chart, not an icon).
 */
function chartSurface(area: HTMLElement): SVGSVGElement | null {
  const recharts = area.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
  if (recharts) return recharts;
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of area.querySelectorAll<SVGSVGElement>('svg')) {
    if (svg.parentElement?.closest('svg')) continue;
    const box = svg.getBoundingClientRect();
    if (box.width * box.height > bestArea) {
      best = svg;
      bestArea = box.width * box.height;
    }
  }
  return best;
}

/**
 * The frame every chart in the app sits in: an antd Card with title, period and coverage, an
 * export menu (PNG at 2× / SVG, both carrying title, period, source and generation time), and an
 * accessible chart area. Only the chart area is exported, never the table beside it.
 */
export function ChartFrame(props: ChartFrameProps) {
  const m = useMsg();
  const { message } = App.useApp();
  const chartRef = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const subtitle = [props.period, props.coverage].filter(Boolean).join(m('subtitleJoin'));

  async function exportAs(kind: 'png' | 'svg') {
    const area = chartRef.current;
    const svg = area ? chartSurface(area) : null;
    if (!area || !svg) {
      void message.warning(m('noChart'));
      return;
    }
    setBusy(true);
    try {
      const text = chartSvgFromElement(svg, {
        title: props.subject ? `${props.subject} · ${props.title}` : props.title,
        period: props.period,
        coverage: props.coverage,
        source: props.source ?? m('defaultSource'),
        generated: generatedLine(Date.now(), m('generated'), m('zone')),
        legend: legendFromElement(area),
      });
      const blob = kind === 'svg' ? svgBlob(text) : await pngBlobFromSvg(text, 2);
      downloadBlob(blob, `${props.exportName}.${kind}`);
    } catch (error) {
      void message.error(
        m('failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  }

  const chart = (
    <div
      ref={chartRef}
      role="img"
      aria-label={props.summary}
      data-testid="chart-area"
      style={{ height: props.height ?? 280, minWidth: 0, flex: '1 1 420px' }}
    >
      {props.children}
    </div>
  );

  return (
    <Card
      data-testid={props.testId}
      title={
        <div style={{ padding: '8px 0' }}>
          <div>
            {props.subject ? (
              <>
                <FeedText>{props.subject}</FeedText>
                {' · '}
              </>
            ) : null}
            {props.title}
          </div>
          {subtitle ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              {subtitle}
            </Typography.Text>
          ) : null}
        </div>
      }
      extra={
        <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          {props.extra}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'png', label: m('png') },
                { key: 'svg', label: m('svg') },
              ],
              onClick: ({ key }) => void exportAs(key === 'svg' ? 'svg' : 'png'),
            }}
          >
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={busy}
              aria-label={m('exportLabel', { title: props.title })}
            >
              {m('export')}
            </Button>
          </Dropdown>
        </span>
      }
    >
      {props.aside ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
          {chart}
          <div style={{ flex: '1 1 320px', minWidth: 0 }}>{props.aside}</div>
        </div>
      ) : (
        chart
      )}
      {props.below ? <div style={{ marginTop: 12 }}>{props.below}</div> : null}
    </Card>
  );
}
