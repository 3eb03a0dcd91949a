/**
 * A table for long lists (thousands of customers): only the rows in view are in the page.
 * It keeps table semantics through ARIA roles, so screen readers and tests read it as a table.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useRef, type CSSProperties, type ReactNode } from 'react';
import classes from './VirtualTable.module.css';

export interface Column<Row, Key extends string = string> {
  key: Key;
  header: string;
  /** A CSS grid track: '120px', '1fr', 'minmax(200px, 2fr)'. */
  width: string;
  align?: 'start' | 'end';
  sortable?: boolean;
  cell: (row: Row) => ReactNode;
}

export interface Sort<Key extends string = string> {
  column: Key;
  direction: 'ascending' | 'descending';
}

const headerHeight = 40;

export function VirtualTable<Row, Key extends string>(props: {
  label: string;
  rows: readonly Row[];
  columns: readonly Column<Row, Key>[];
  rowKey: (row: Row) => string | number;
  rowHeight: number;
  sort?: Sort<Key> | null;
  onSort?: (column: Key) => void;
  /** Rows pinned under the list, such as totals; one node per column. */
  footer?: { key: string; label: string; cells: ReactNode[] }[];
  minWidth?: number;
  /**
   * Rows always in view, however little room the screen leaves: below this the page scrolls
   * rather than squeezing the list down to a row or two under its totals.
   */
  minVisibleRows?: number;
  className?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual keeps its own state outside React; this app does not use the React
  // Compiler, so its memoisation warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => props.rowHeight,
    overscan: 10,
    scrollMargin: headerHeight,
  });
  const columns = props.columns;
  const style = {
    '--vt-columns': columns.map((column) => column.width).join(' '),
    '--vt-header-height': `${headerHeight}px`,
    '--vt-min-width': props.minWidth ? `${props.minWidth}px` : '0',
  } as CSSProperties;
  if (props.minVisibleRows) {
    const rows = Math.min(props.rows.length, props.minVisibleRows);
    // The footer rows' own minimum height (44px, as below), and the border.
    style.minHeight = headerHeight + rows * props.rowHeight + (props.footer?.length ?? 0) * 44 + 2;
  }
  const cellClass = (column: Column<Row, Key>) =>
    column.align === 'end' ? `${classes.cell} ${classes.end}` : classes.cell;
  const footer = props.footer ?? [];

  return (
    <div
      ref={scroller}
      className={`${classes.scroller} ${props.className ?? ''}`}
      style={style}
      role="table"
      aria-label={props.label}
      aria-rowcount={props.rows.length + 1 + footer.length}
    >
      <div className={classes.inner}>
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className={`${classes.row} ${classes.header}`}>
            {columns.map((column) => {
              const sorted = props.sort?.column === column.key ? props.sort.direction : undefined;
              return (
                <div
                  key={column.key}
                  role="columnheader"
                  aria-sort={column.sortable ? (sorted ?? 'none') : undefined}
                  className={cellClass(column)}
                >
                  {column.sortable && props.onSort ? (
                    <button
                      type="button"
                      className={classes.sortButton}
                      onClick={() => props.onSort?.(column.key)}
                    >
                      {column.header}
                      <SortIcon direction={sorted} />
                    </button>
                  ) : (
                    column.header
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div
          role="rowgroup"
          className={classes.body}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = props.rows[item.index]!;
            return (
              <div
                key={props.rowKey(row)}
                role="row"
                aria-rowindex={item.index + 2}
                className={`${classes.row} ${classes.bodyRow}`}
                style={{
                  height: item.size,
                  transform: `translateY(${item.start - headerHeight}px)`,
                }}
              >
                {columns.map((column) => (
                  <div key={column.key} role="cell" className={cellClass(column)}>
                    {column.cell(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {footer.length > 0 && (
          <div role="rowgroup" className={classes.footer}>
            {footer.map((line, index) => (
              <div
                key={line.key}
                role="row"
                aria-label={line.label}
                aria-rowindex={props.rows.length + 2 + index}
                className={classes.row}
                style={{ minHeight: 44 }}
              >
                {columns.map((column, columnIndex) => (
                  <div key={column.key} role="cell" className={cellClass(column)}>
                    {line.cells[columnIndex]}
                  </div>
                ))}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

function SortIcon({ direction }: { direction: Sort['direction'] | undefined }) {
  if (direction === 'ascending') return <IconArrowUp size={13} aria-hidden />;
  if (direction === 'descending') return <IconArrowDown size={13} aria-hidden />;
  return <IconArrowsSort size={13} aria-hidden opacity={0.45} />;
}
