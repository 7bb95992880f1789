import type { Kpi } from '../kpis/kpi';
import type { ValueKpis } from '../kpis/value-kpis';
import type { ObjectiveStatus } from '../model/objective';
import { toDecimalAmount, type CurrencyExponent, type MinorUnits } from '../money/minor-units';
import type { YearMonth } from '../time/year-month';
import type { PortfolioReport } from './portfolio-report';

/**
 * `ValueKpis` as plain JSON values: money as decimal numbers in the site currency (1234.5),
 * ratios as numbers, and `null` where a KPI is not computable.
 */
export interface PlainValueKpis {
  readonly epics: number;
  readonly plannedBenefit: number;
  readonly plannedBenefitToDate: number;
  readonly realisedBenefit: number;
  readonly realisationRate: number | null;
  readonly costBudget: number;
  readonly actualCost: number;
  readonly forecastCost: number;
  readonly riskAdjustedBenefit: number;
  readonly roi: number | null;
  readonly expectedRoi: number | null;
  readonly valueForMoney: number | null;
  readonly npv: number;
  readonly paybackMonth: YearMonth | null;
  readonly irr: number | null;
  readonly costAvoidanceRealised: number;
  readonly costSavingRealised: number;
  readonly verifiedShare: number | null;
  readonly npsAtCompletion: number | null;
}

export interface PlainObjectiveKpis {
  readonly status: ObjectiveStatus;
  readonly attributedPlanned: number;
  readonly attributedRealised: number;
  readonly advanced: boolean;
}

/** The report printed by `npm run report` (JSON format). */
export interface PlainPortfolioReport {
  readonly asOf: YearMonth;
  readonly currency: string;
  readonly portfolio: PlainValueKpis;
  readonly byProgramme: Readonly<Record<string, PlainValueKpis>>;
  readonly byProject: Readonly<Record<string, PlainValueKpis>>;
  readonly byObjective: Readonly<Record<string, PlainObjectiveKpis>>;
  readonly strategicGoalsAdvancedPct: number | null;
  readonly strategicAlignmentPct: number | null;
}

function valueOf<T>(kpi: Kpi<T>): T | null {
  return kpi.value;
}

/** Flattens `ValueKpis` for JSON, converting money from minor units to decimals. */
export function toPlainValueKpis({
  kpis,
  currencyExponent,
}: {
  kpis: ValueKpis;
  currencyExponent: CurrencyExponent;
}): PlainValueKpis {
  const money = (amount: MinorUnits) => toDecimalAmount({ amount, currencyExponent });
  return {
    epics: kpis.epics,
    plannedBenefit: money(kpis.plannedBenefit),
    plannedBenefitToDate: money(kpis.plannedBenefitToDate),
    realisedBenefit: money(kpis.realisedBenefit),
    realisationRate: valueOf(kpis.realisationRate),
    costBudget: money(kpis.costBudget),
    actualCost: money(kpis.actualCost),
    forecastCost: money(kpis.forecastCost),
    riskAdjustedBenefit: money(kpis.riskAdjustedBenefit),
    roi: valueOf(kpis.roi),
    expectedRoi: valueOf(kpis.expectedRoi),
    valueForMoney: valueOf(kpis.valueForMoney),
    npv: money(kpis.npv),
    paybackMonth: valueOf(kpis.paybackMonth),
    irr: valueOf(kpis.irr),
    costAvoidanceRealised: money(kpis.costAvoidanceRealised),
    costSavingRealised: money(kpis.costSavingRealised),
    verifiedShare: valueOf(kpis.verifiedShare),
    npsAtCompletion: valueOf(kpis.npsAtCompletion),
  };
}

/** Flattens a `PortfolioReport` for JSON output. */
export function toPlainReport({ report }: { report: PortfolioReport }): PlainPortfolioReport {
  const { currencyExponent } = report;
  const plainGroup = (group: Readonly<Record<string, ValueKpis>>) =>
    Object.fromEntries(
      Object.entries(group).map(([key, kpis]) => [key, toPlainValueKpis({ kpis, currencyExponent })]),
    );
  return {
    asOf: report.asOf,
    currency: report.currency,
    portfolio: toPlainValueKpis({ kpis: report.portfolio, currencyExponent }),
    byProgramme: plainGroup(report.byProgramme),
    byProject: plainGroup(report.byProject),
    byObjective: Object.fromEntries(
      Object.entries(report.byObjective).map(([id, objective]) => [
        id,
        {
          status: objective.status,
          attributedPlanned: toDecimalAmount({ amount: objective.attributedPlanned, currencyExponent }),
          attributedRealised: toDecimalAmount({ amount: objective.attributedRealised, currencyExponent }),
          advanced: objective.advanced,
        },
      ]),
    ),
    strategicGoalsAdvancedPct: valueOf(report.strategicGoalsAdvancedPct),
    strategicAlignmentPct: valueOf(report.strategicAlignmentPct),
  };
}
