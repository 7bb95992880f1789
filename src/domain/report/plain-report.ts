import type { Kpi } from '../kpis/kpi';
import type { ObjectiveKpis } from '../kpis/strategic-kpis';
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
  /** Realisation against the approved baselines; null when no epic has one (issue #15). */
  readonly baselineRealisationRate: number | null;
  /** (current plan − approved plan) / approved plan of the baselined epics; null without one. */
  readonly forecastDrift: number | null;
  /** Realised dis-benefits as a positive amount, shown apart (already netted out of the benefits). */
  readonly disBenefitRealised: number;
  readonly costBudget: number;
  readonly actualCost: number;
  readonly forecastCost: number;
  readonly riskAdjustedBenefit: number;
  readonly roi: number | null;
  readonly expectedRoi: number | null;
  readonly valueForMoney: number | null;
  readonly npv: number;
  readonly paybackMonth: YearMonth | null;
  readonly discountedPaybackMonth: YearMonth | null;
  readonly irr: number | null;
  readonly mirr: number | null;
  readonly costAvoidanceRealised: number;
  readonly costSavingRealised: number;
  readonly verifiedShare: number | null;
  readonly npsAtCompletion: number | null;
}

/** An objective's target with its amount as a decimal in the site currency. */
export interface PlainObjectiveTarget {
  readonly measure: string;
  readonly amount: number;
  /** `YYYY-MM-DD`. */
  readonly date: string;
}

export interface PlainObjectiveKpis {
  readonly status: ObjectiveStatus;
  readonly attributedPlanned: number;
  readonly attributedRealised: number;
  /** Attributed realised benefit within the trailing window (`advancedWindowMonths`). */
  readonly realisedInWindow: number;
  /** Whether the attributed realised benefit grew within the trailing window. */
  readonly advanced: boolean;
  readonly target: PlainObjectiveTarget | null;
  /** attributedRealised / target amount; null without a target or with a target of 0. */
  readonly progress: number | null;
  /** Attributed benefit forecast by the end of the target month; null without a target. */
  readonly forecastAtTargetDate: number | null;
  /** forecastAtTargetDate >= target amount; null without a target. */
  readonly onTrack: boolean | null;
}

/** The report printed by `npm run report` (JSON format). */
export interface PlainPortfolioReport {
  readonly asOf: YearMonth;
  readonly currency: string;
  readonly portfolio: PlainValueKpis;
  readonly byProgramme: Readonly<Record<string, PlainValueKpis>>;
  readonly byProject: Readonly<Record<string, PlainValueKpis>>;
  readonly byObjective: Readonly<Record<string, PlainObjectiveKpis>>;
  /** The trailing window, in months, of `advanced` and `strategicGoalsAdvancedPct`. */
  readonly advancedWindowMonths: number;
  readonly strategicGoalsAdvancedPct: number | null;
  readonly objectivesOnTrackPct: number | null;
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
    baselineRealisationRate: valueOf(kpis.baselineRealisationRate),
    forecastDrift: valueOf(kpis.forecastDrift),
    disBenefitRealised: money(kpis.disBenefitRealised),
    costBudget: money(kpis.costBudget),
    actualCost: money(kpis.actualCost),
    forecastCost: money(kpis.forecastCost),
    riskAdjustedBenefit: money(kpis.riskAdjustedBenefit),
    roi: valueOf(kpis.roi),
    expectedRoi: valueOf(kpis.expectedRoi),
    valueForMoney: valueOf(kpis.valueForMoney),
    npv: money(kpis.npv),
    paybackMonth: valueOf(kpis.paybackMonth),
    discountedPaybackMonth: valueOf(kpis.discountedPaybackMonth),
    irr: valueOf(kpis.irr),
    mirr: valueOf(kpis.mirr),
    costAvoidanceRealised: money(kpis.costAvoidanceRealised),
    costSavingRealised: money(kpis.costSavingRealised),
    verifiedShare: valueOf(kpis.verifiedShare),
    npsAtCompletion: valueOf(kpis.npsAtCompletion),
  };
}

/** Flattens one objective's KPIs for JSON, converting money from minor units to decimals. */
export function toPlainObjectiveKpis({
  objective,
  currencyExponent,
}: {
  objective: ObjectiveKpis;
  currencyExponent: CurrencyExponent;
}): PlainObjectiveKpis {
  const money = (amount: MinorUnits) => toDecimalAmount({ amount, currencyExponent });
  const { target, forecastAtTargetDate } = objective;
  return {
    status: objective.status,
    attributedPlanned: money(objective.attributedPlanned),
    attributedRealised: money(objective.attributedRealised),
    realisedInWindow: money(objective.realisedInWindow),
    advanced: objective.advanced,
    target:
      target === null ? null : { measure: target.measure, amount: money(target.amount), date: target.date },
    progress: valueOf(objective.progress),
    forecastAtTargetDate: forecastAtTargetDate.value === null ? null : money(forecastAtTargetDate.value),
    onTrack: valueOf(objective.onTrack),
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
        toPlainObjectiveKpis({ objective, currencyExponent }),
      ]),
    ),
    advancedWindowMonths: report.advancedWindowMonths,
    strategicGoalsAdvancedPct: valueOf(report.strategicGoalsAdvancedPct),
    objectivesOnTrackPct: valueOf(report.objectivesOnTrackPct),
    strategicAlignmentPct: valueOf(report.strategicAlignmentPct),
  };
}
