import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { theme } from 'antd';
import { useRef, type CSSProperties } from 'react';
import type { AlertsParams } from '../../api/alerts';
import type { AlertSort } from '../../engine/alerts';
import type { AlertColumn } from './alert-columns';
import { FEED_LANG } from '../../ui/feed-text';
import { useAlertBlocks } from './use-alert-blocks';

const ROW_HEIGHT = 47;
const HEADER_HEIGHT = 48;
/** Rows rendered beyond the visible ones, so a short scroll shows rows already drawn. */
const OVERSCAN = 10;
/**
 * Headers wrap onto a second line instead of ending in "…": the numeric columns are narrow (their
 * values are short) and "已用（工作日）" or "Elapsed (working days)" must still be read whole.
 */
const HEADER_CELL: CSSProperties = {
  fontWeight: 600,
  whiteSpace: 'normal',
  overflowWrap: 'anywhere',
  textOverflow: 'clip',
  lineHeight: 1.3,
};

function ariaSort(sort: AlertSort, column: AlertColumn): 'ascending' | 'descending' | undefined {
  if (!column.sortKey || column.sortKey !== sort.key) return undefined;
  return sort.order === 'asc' ? 'ascending' : 'descending';
}

/** Clicking a header sorts by it ascending; clicking the sorted column again flips the order. */
function nextSort(sort: AlertSort, column: AlertColumn): AlertSort {
  if (!column.sortKey) return sort;
  if (column.sortKey !== sort.key) return { key: column.sortKey, order: 'asc' };
  return { key: sort.key, order: sort.order === 'asc' ? 'desc' : 'asc' };
}

/**
 * The whole alert list as one continuous, virtualised table: its height is every matching row's,
 * only the rows in view are in the DOM, and their data comes from the service block by block as
 * the scroll reaches them (use-alert-blocks). Sorting is controlled: the page writes it to the URL
 * and the service sorts, in the order the export uses.
 *
 * Keyboard: the scroll area is focusable (arrows, Page Up/Down, Home/End scroll it), the sortable
 * headers are buttons, and the case ids are links. ARIA table roles with aria-rowcount and
 * aria-rowindex tell assistive technology how many rows there are and where each shown one sits.
 */
export function AlertsTable({
  params,
  total,
  columns,
  sort,
  onSort,
  label,
  height,
}: {
  params: AlertsParams;
  total: number;
  columns: readonly AlertColumn[];
  sort: AlertSort;
  onSort: (sort: AlertSort) => void;
  label: string;
  height: number;
}) {
  const { token } = theme.useToken();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is read afresh on every render by design (scroll re-renders this component);
  // nothing here is memoized by a compiler, so its non-memoizable API is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollPaddingStart: HEADER_HEIGHT,
    // Where layout reports no size (jsdom, a hidden tab), draw the rows of the nominal height.
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) =>
        cb(rect.height > 0 ? rect : { width: rect.width, height: height - HEADER_HEIGHT }),
      ),
  });
  const items = virtualizer.getVirtualItems();
  const blocks = useAlertBlocks(params, items[0]?.index ?? 0, items.at(-1)?.index ?? -1);
  const width = columns.reduce((w, c) => w + c.px, 0);
  // The header is sticky over the rows: its tint (translucent in the theme) sits on a solid base.
  const headerBackground = `linear-gradient(${token.colorFillAlter}, ${token.colorFillAlter}) ${token.colorBgContainer}`;

  const cell = (c: AlertColumn, i: number): CSSProperties => ({
    width: c.px,
    flex: `0 0 ${c.px}px`,
    padding: '0 8px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    textAlign: c.align ?? 'left',
    boxSizing: 'border-box',
    // The case id stays in view while the other columns scroll sideways.
    ...(i === 0 ? { position: 'sticky', left: 0, zIndex: 1, background: 'inherit' } : {}),
  });
  const rowStyle: CSSProperties = {
    display: 'flex',
    alignItems: 'center',
    width,
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
    background: token.colorBgContainer,
  };

  return (
    <div
      role="table"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-busy={blocks.fetching}
      data-testid="alerts-table"
      data-total={total}
      style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 8 }}
    >
      <div
        ref={scroller}
        tabIndex={0}
        aria-label={label}
        data-testid="alerts-scroller"
        style={{ height, overflow: 'auto', position: 'relative', outlineOffset: -2 }}
      >
        <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 2, width }}>
          <div
            role="row"
            aria-rowindex={1}
            style={{ ...rowStyle, height: HEADER_HEIGHT, background: headerBackground }}
          >
            {columns.map((c, i) => (
              <div
                key={c.key}
                role="columnheader"
                data-action={c.action ? 'true' : undefined}
                aria-sort={ariaSort(sort, c)}
                style={{ ...cell(c, i), ...HEADER_CELL, background: headerBackground }}
              >
                {c.sortKey ? (
                  <button
                    type="button"
                    onClick={() => onSort(nextSort(sort, c))}
                    style={{
                      all: 'inherit',
                      cursor: 'pointer',
                      padding: 0,
                      width: '100%',
                      background: 'none',
                    }}
                  >
                    {c.header}
                    {ariaSort(sort, c) === 'ascending' ? <CaretUpOutlined /> : null}
                    {ariaSort(sort, c) === 'descending' ? <CaretDownOutlined /> : null}
                  </button>
                ) : (
                  c.header
                )}
              </div>
            ))}
          </div>
        </div>
        <div
          role="rowgroup"
          style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}
        >
          {items.map((v) => {
            const row = blocks.rowAt(v.index);
            return (
              <div
                key={v.key}
                role="row"
                aria-rowindex={v.index + 2}
                data-index={v.index}
                data-case-id={row?.caseId}
                style={{
                  ...rowStyle,
                  position: 'absolute',
                  top: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${v.start}px)`,
                }}
              >
                {row
                  ? columns.map((c, i) => (
                      <div
                        key={c.key}
                        role="cell"
                        style={cell(c, i)}
                        data-action={c.action ? 'true' : undefined}
                        lang={c.feed ? FEED_LANG : undefined}
                      >
                        {c.render(row)}
                      </div>
                    ))
                  : columns.map((c, i) => (
                      <div key={c.key} role="cell" style={cell(c, i)} data-loading>
                        <span
                          aria-hidden
                          style={{
                            display: 'inline-block',
                            width: '60%',
                            height: 12,
                            borderRadius: 4,
                            background: blocks.failed
                              ? token.colorErrorBg
                              : token.colorFillSecondary,
                          }}
                        />
                      </div>
                    ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
