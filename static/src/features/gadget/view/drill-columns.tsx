import type { EpicRow } from '../../../../../src/contract/gadget.contract';
import { COLUMN_UNIT, epicColumnValue, type EpicColumn } from '../../../../../src/contract/kpi-drill-down';
import { EPIC_STATUS_NAMES, KPI_NAMES } from '../../../../../src/contract/value-vocabulary';
import { formatMoney, formatMonth, formatRatio } from '../../../shared/format';
import type { Column } from '../../../ui/table';
import { FinishingSignal } from '../../planning/finishing-signal';
import type { TileReading } from '../config/kpi-tiles';
import { IssueLink } from './issue-link';

/** Column headers: the shared KPI names, and plain words for the parts KPIs are made of. */
export const COLUMN_LABEL: Record<EpicColumn, string> = {
  successProbability: 'Success probability',
  plannedBenefit: KPI_NAMES.plannedBenefit,
  plannedBenefitToDate: KPI_NAMES.plannedBenefitToDate,
  realisedBenefit: KPI_NAMES.realisedBenefit,
  actualCost: KPI_NAMES.actualCost,
  forecastCost: KPI_NAMES.forecastCost,
  riskAdjustedBenefit: KPI_NAMES.riskAdjustedBenefit,
  npv: KPI_NAMES.npv,
  costSavingRealised: KPI_NAMES.costSavingRealised,
  costAvoidanceRealised: KPI_NAMES.costAvoidanceRealised,
  verifiedRealised: 'Verified realised',
  grossRealisedBenefit: 'Realised before dis-benefits',
  alignedForecastCost: 'Forecast cost on active objectives',
  disBenefitRealised: KPI_NAMES.disBenefitRealised,
  // Listed only for epics with an approved baseline, so their realised benefit is the epic's own.
  baselineRealisedBenefit: KPI_NAMES.realisedBenefit,
  approvedPlannedBenefitToDate: 'Approved plan to date',
  approvedPlannedBenefit: 'Approved planned benefit',
  baselineCurrentPlannedBenefit: 'Current planned benefit',
  npsPromoters: 'Promoters',
  npsDetractors: 'Detractors',
  npsResponses: 'Responses',
  share: 'Share',
  attributedPlanned: 'Attributed planned',
  attributedRealised: 'Attributed realised',
  realisationRate: KPI_NAMES.realisationRate,
  roi: KPI_NAMES.roi,
  expectedRoi: KPI_NAMES.expectedRoi,
  valueForMoney: KPI_NAMES.valueForMoney,
  verifiedShare: KPI_NAMES.verifiedShare,
  baselineRealisationRate: KPI_NAMES.baselineRealisationRate,
  forecastDrift: KPI_NAMES.forecastDrift,
  irr: KPI_NAMES.irr,
  mirr: KPI_NAMES.mirr,
  paybackMonth: KPI_NAMES.paybackMonth,
  discountedPaybackMonth: KPI_NAMES.discountedPaybackMonth,
  npsAtCompletion: KPI_NAMES.npsAtCompletion,
};

const multiple = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const count = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const score = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** Columns that read as their tile does (kpi-tiles.ts): a dis-benefit with a minus, a drift signed. */
const COLUMN_READING: Partial<Record<EpicColumn, TileReading>> = {
  disBenefitRealised: 'reduction',
  forecastDrift: 'change',
};

/**
 * A drill-down figure as text. Money is shown in full (not compact), so that a reader can add the
 * rows up and find the tile's figure; an em dash where the epic's own KPI is not computable.
 */
export function formatColumnValue(
  column: EpicColumn,
  value: number | string | null,
  currency: string,
): string {
  if (value === null) return '—';
  if (typeof value === 'string') return formatMonth(value);
  const reading = COLUMN_READING[column];
  if (reading === 'reduction' && value !== 0) return formatNumber(column, -value, currency);
  if (reading === 'change' && value > 0) return `+${formatNumber(column, value, currency)}`;
  return formatNumber(column, value, currency);
}

function formatNumber(column: EpicColumn, value: number, currency: string): string {
  if (column === 'valueForMoney') return `${multiple.format(value)}×`;
  switch (COLUMN_UNIT[column]) {
    case 'money':
      return formatMoney(value, currency);
    case 'ratio':
      return formatRatio(value);
    case 'count':
      return count.format(value);
    case 'score':
      return score.format(value);
    case 'month':
      return String(value);
  }
}

/**
 * The kit table's columns of a drill-down: key (kept in view), then `columns` (the figures, first
 * in a narrow gadget), then summary and status (with the stop signal of an epic not worth finishing).
 */
export function drillColumns(
  columns: readonly EpicColumn[],
  currency: string,
  siteUrl: string,
): Column<EpicRow, string>[] {
  return [
    {
      key: 'key',
      label: 'Epic',
      sortValue: (row) => row.key,
      cell: (row) => <IssueLink issueKey={row.key} siteUrl={siteUrl} />,
    },
    ...columns.map((column): Column<EpicRow, string> => ({
      key: column,
      label: COLUMN_LABEL[column],
      numeric: true,
      sortValue: (row) => epicColumnValue(row, column),
      cell: (row) => {
        const value = epicColumnValue(row, column);
        // An epic's own ratio, rate or month may not exist (no cost yet, never in deficit).
        return value === null ? (
          <span title={`${COLUMN_LABEL[column]} is not computable for this epic`}>
            —<span className="vl-visually-hidden"> not computable</span>
          </span>
        ) : (
          formatColumnValue(column, value, currency)
        );
      },
    })),
    {
      key: 'summary',
      label: 'Summary',
      sortValue: (row) => row.summary,
      cell: (row) => row.summary,
      className: 'vl-summary',
    },
    {
      key: 'status',
      label: 'Status',
      sortValue: (row) => EPIC_STATUS_NAMES[row.status],
      // An in-flight epic not worth finishing is flagged as the Value planning page flags it.
      cell: (row) =>
        row.finishing?.signal.verdict === 'not_worth_finishing' ? (
          <div className="vl-status-signal">
            {EPIC_STATUS_NAMES[row.status]}
            <FinishingSignal row={row.finishing} currency={currency} />
          </div>
        ) : (
          EPIC_STATUS_NAMES[row.status]
        ),
      className: 'vl-nowrap',
    },
  ];
}
