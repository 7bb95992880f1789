import type { ReactNode } from 'react';
import { SortableHeader } from './sortable-header';
import { sortRows, useSort, type SortDirection, type SortState } from './sorting';

export interface Column<Row, Key extends string> {
  key: Key;
  label: string;
  /** Right-aligned with tabular figures; sorts largest first on its first click. */
  numeric?: boolean;
  /** What the column sorts by; a column without it does not sort. */
  sortValue?: (row: Row) => number | string | null;
  cell: (row: Row) => ReactNode;
  /** A class for the column's cells, e.g. a text column that may wrap. */
  className?: string;
}

interface TableProps<Row, Key extends string> {
  /** Names the table and its scroll region for screen readers. */
  label: string;
  columns: readonly Column<Row, Key>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initialSort?: SortState<Key>;
  /** Shown visibly above the table when given. */
  caption?: ReactNode;
  className?: string;
  /** Extra rows after the body (totals). */
  footer?: ReactNode;
}

/**
 * The one data table: it scrolls sideways inside its own region (keyboard-focusable, so it can be
 * scrolled without a mouse) while its first column, the row's name, stays in place; numbers are
 * right-aligned; columns with a `sortValue` sort on a click of their header.
 */
export function Table<Row, Key extends string>({
  label,
  columns,
  rows,
  rowKey,
  initialSort,
  caption,
  className,
  footer,
}: TableProps<Row, Key>) {
  const first = columns[0];
  const [sort, toggle] = useSort<Key>(initialSort ?? { key: first?.key as Key, direction: 'ascending' });
  const sortColumn = columns.find((column) => column.key === sort.key);
  const sorted =
    initialSort !== undefined && sortColumn?.sortValue !== undefined
      ? sortRows(rows, sort, (row) => sortColumn.sortValue?.(row) ?? null)
      : rows;
  return (
    <div className="vl-table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className={className === undefined ? 'vl-table' : `vl-table ${className}`}>
        <caption className={caption === undefined ? 'vl-visually-hidden' : 'vl-table-caption'}>
          {caption ?? label}
        </caption>
        <thead>
          <tr>
            {columns.map((column) =>
              column.sortValue !== undefined && initialSort !== undefined ? (
                <SortableHeader
                  key={column.key}
                  column={column.key}
                  label={column.label}
                  sort={sort}
                  onSort={toggle}
                  numeric={column.numeric === true}
                  firstDirection={firstDirectionOf(column)}
                />
              ) : (
                <th key={column.key} scope="col" className={column.numeric === true ? 'vl-num' : undefined}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => {
                const className =
                  [column.numeric === true ? 'vl-num' : null, column.className ?? null]
                    .filter((name) => name !== null)
                    .join(' ') || undefined;
                return index === 0 ? (
                  <th key={column.key} scope="row" className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={className}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer}
      </table>
    </div>
  );
}

function firstDirectionOf<Row, Key extends string>(column: Column<Row, Key>): SortDirection {
  return column.numeric === true ? 'descending' : 'ascending';
}
