import { formatMoney, formatMonth } from '../../shared/format';
import { Table, type Column } from '../../ui/table';
import type { ChartPoint } from './chart-data';

type ColumnKey = 'month' | 'planned' | 'realised' | 'cumulativePlanned' | 'cumulativeRealised';

/**
 * The chart's numbers as the kit's table: the month stays in view while the amounts scroll
 * sideways in a narrow panel, and every amount carries its currency.
 */
export function ValueChartTable({ points, currency }: { points: readonly ChartPoint[]; currency: string }) {
  const money = (amount: number | null) => (amount === null ? '—' : formatMoney(amount, currency));
  const columns: Column<ChartPoint, ColumnKey>[] = [
    { key: 'month', label: 'Month', className: 'chart-month', cell: (point) => formatMonth(point.month) },
    { key: 'planned', label: 'Planned', numeric: true, cell: (point) => money(point.planned) },
    { key: 'realised', label: 'Realised', numeric: true, cell: (point) => money(point.realised) },
    {
      key: 'cumulativePlanned',
      label: 'Planned, running',
      numeric: true,
      cell: (point) => money(point.cumulativePlanned),
    },
    {
      key: 'cumulativeRealised',
      label: 'Realised, running',
      numeric: true,
      cell: (point) => money(point.cumulativeRealised),
    },
  ];
  return (
    <Table
      label="Planned and realised benefit by month"
      columns={columns}
      rows={points}
      rowKey={(point) => point.month}
      className="chart-numbers"
    />
  );
}
