import type { EpicRow } from '../../contract/gadget.contract';
import { currencyExponentOf } from '../../contract/currencies';
import type { AppSettings, StoredObjective } from '../../contract/site-config.schema';
import { objectiveAttribution } from '../../domain/kpis/objective-attribution';
import { alignedForecastCost } from '../../domain/kpis/strategic-alignment-pct';
import { valueKpis } from '../../domain/kpis/value-kpis';
import { epicFromRecord } from '../../domain/model/epic-from-record';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { minorUnits, toDecimalAmount } from '../../domain/money/minor-units';
import {
  finishingSignal,
  remainingCost,
  remainingPlanOf,
  remainingRiskAdjustedBenefit,
  type RemainingPlan,
} from '../../domain/planning';
import { toPlainValueKpis } from '../../domain/report/plain-report';
import { totalsOfEpic } from '../../domain/totals/totals-of-epics';
import { asOfColumn, sumAll, sumToDate } from '../../domain/totals/series-sums';

/**
 * One epic of a drill-down: its own KPIs, plus the parts of the portfolio KPIs that are not KPIs
 * of the epic (verified realised, cost aligned to active objectives, NPS counts, its baseline's
 * sums, the amounts attributed to an objective), all from the epic's totals as the portfolio's are built, so the
 * rows add up to the tile in minor units; and, in flight, its stop/continue signal (issue #16).
 */
export function epicDrillRow({
  epic,
  settings,
  objectives,
  asOf,
  objectiveId,
}: {
  epic: EpicRecord;
  settings: AppSettings;
  objectives: readonly StoredObjective[];
  asOf: string;
  /** With an objective filter: attribute the epic's amounts to this objective. */
  objectiveId?: string;
}): EpicRow {
  const currencyExponent = currencyExponentOf(settings.currency) ?? 2;
  const money = (amount: number) => toDecimalAmount({ amount: minorUnits(amount), currencyExponent });
  const engineEpic = epicFromRecord({ epic, currencyExponent });
  const totals = totalsOfEpic({ epic: engineEpic });
  const lastPast = asOfColumn({ totals, asOf });
  const alignedForecast = alignedForecastCost({ totals, asOf, objectives });
  const { promoters, passives, detractors } = totals.npsOfDoneEpics;
  const responses = promoters + passives + detractors;
  const share =
    objectiveId === undefined
      ? undefined
      : epic.value.objectives.find((link) => link.id === objectiveId)?.share;
  const attribution =
    objectiveId === undefined ? undefined : objectiveAttribution({ totals, asOf, objectiveId });
  const kpis = valueKpis({ totals, asOf, discountRate: settings.discountRate });
  const { baseline } = totals;
  return {
    key: epic.key,
    summary: epic.summary,
    project: epic.project,
    programme: epic.programme,
    status: epic.status,
    successProbability: epic.value.successProbability,
    kpis: toPlainValueKpis({ kpis, currencyExponent }),
    drill: {
      verifiedRealised: money(sumToDate({ values: totals.monthly.realisedVerified, asOfColumn: lastPast })),
      grossRealisedBenefit: money(kpis.realisedBenefit + kpis.disBenefitRealised),
      alignedForecastCost: money(alignedForecast),
      nps: responses === 0 ? null : { promoters, detractors, responses },
      baseline:
        baseline.epicCount === 0
          ? null
          : {
              realisedBenefit: money(sumToDate({ values: baseline.realisedBenefit, asOfColumn: lastPast })),
              approvedPlannedBenefitToDate: money(
                sumToDate({ values: baseline.approvedPlannedBenefit, asOfColumn: lastPast }),
              ),
              approvedPlannedBenefit: money(sumAll({ values: baseline.approvedPlannedBenefit })),
              currentPlannedBenefit: money(sumAll({ values: baseline.currentPlannedBenefit })),
            },
    },
    finishing:
      epic.status === 'done' ? null : finishingOf(remainingPlanOf({ epic: engineEpic, asOf }), money),
    ...(share === undefined ? {} : { share }),
    ...(attribution === undefined
      ? {}
      : {
          attributed: {
            planned: money(attribution.attributedPlanned),
            realised: money(attribution.attributedRealised),
          },
        }),
  };
}

/** The stop/continue signal and what it weighs (docs/kpis.md, finishingSignal), in major units. */
function finishingOf(
  plan: RemainingPlan,
  money: (minor: number) => number,
): NonNullable<EpicRow['finishing']> {
  const signal = finishingSignal({ plan });
  return {
    signal: { verdict: signal.verdict, margin: money(signal.margin) },
    remainingBenefit: money(remainingRiskAdjustedBenefit({ plan })),
    remainingCost: money(remainingCost({ plan })),
  };
}
