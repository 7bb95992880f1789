import { formatMonth } from '../shared/format';

/** A column of a `MonthTable`: a series, and its figure for a month as shown. */
export interface MonthColumn<Point> {
  id: string;
  label: string;
  cell: (point: Point) => string;
}

/**
 * A monthly chart's figures as a table: a row a month, a column a series. The caption is hidden
 * but for screen readers: the figure's heading above already says what the table holds.
 */
export function MonthTable<Point extends { month: string }>({
  caption,
  points,
  columns,
}: {
  caption: string;
  points: readonly Point[];
  columns: readonly MonthColumn<Point>[];
}) {
  return (
    <table className="vl-table">
      <caption className="vl-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          {columns.map((column) => (
            <th scope="col" className="vl-num" key={column.id}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.month}>
            <th scope="row">{formatMonth(point.month)}</th>
            {columns.map((column) => (
              <td className="vl-num" key={column.id}>
                {column.cell(point)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
