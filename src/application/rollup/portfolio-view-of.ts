import type { PortfolioView, TrendPointView } from '../../contract/gadget.contract';
import { currencyExponentOf } from '../../contract/currencies';
import type { AppSettings, StoredObjective } from '../../contract/site-config.schema';
import { valueKpis, type ValueKpis } from '../../domain/kpis/value-kpis';
import { strategicKpis } from '../../domain/kpis/strategic-kpis';
import { objectiveFromRecord } from '../../domain/model/objective-from-record';
import { toDecimalAmount, type MinorUnits } from '../../domain/money/minor-units';
import { cumulativeTrend } from '../../domain/report/cumulative-trend';
import { toPlainReport } from '../../domain/report/plain-report';
import { sumTotals } from '../../domain/totals/merge-totals';
import { sumAll } from '../../domain/totals/series-sums';
import type { ValueTotals } from '../../domain/totals/value-totals';
import type { ScopeTotals } from './scope-totals';

/**
 * The most rows a breakdown (by project, by programme) carries. 50,000 epics make ~2,000
 * programmes: every row would be ~1.2 MB of KPIs, far more than a gadget can show, and the IRR of
 * each costs CPU. The largest groups by planned benefit are kept; `truncated` says how many exist.
 */
export const BREAKDOWN_LIMIT = 100;

function largest(groups: Record<string, ValueTotals>): { kept: [string, ValueTotals][]; total: number } {
  const entries = Object.entries(groups);
  if (entries.length <= BREAKDOWN_LIMIT) return { kept: entries, total: entries.length };
  const ranked = entries
    .map(([key, totals]) => ({ key, totals, planned: sumAll({ values: totals.monthly.plannedBenefit }) }))
    .sort((a, b) => b.planned - a.planned || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    kept: ranked.slice(0, BREAKDOWN_LIMIT).map(({ key, totals }) => [key, totals]),
    total: entries.length,
  };
}

const byKey = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The gadget's view of a scope's totals: the engine's own KPI functions (`valueKpis`,
 * `strategicKpis`, `toPlainReport`, `cumulativeTrend`), exactly as `npm run report` runs them.
 * The roll-up store and the live path both end here.
 */
export function portfolioViewOf({
  totals,
  settings,
  objectives,
  asOf,
}: {
  totals: ScopeTotals;
  settings: AppSettings;
  objectives: readonly StoredObjective[];
  asOf: string;
}): PortfolioView {
  const currencyExponent = currencyExponentOf(settings.currency) ?? 2;
  const { discountRate, currency } = settings;
  const portfolio = sumTotals({ parts: Object.values(totals.byProject) });
  const projects = largest(totals.byProject);
  const programmes = largest(totals.byProgramme);
  const kpisOf = (groups: [string, ValueTotals][]): Record<string, ValueKpis> =>
    Object.fromEntries(
      byKey(groups.map(([key, group]) => [key, valueKpis({ totals: group, asOf, discountRate })])),
    );
  const report = toPlainReport({
    report: {
      asOf,
      currency,
      currencyExponent,
      portfolio: valueKpis({ totals: portfolio, asOf, discountRate }),
      byProject: kpisOf(projects.kept),
      byProgramme: kpisOf(programmes.kept),
      ...strategicKpis({
        totals: portfolio,
        asOf,
        objectives: objectives.map((objective) => objectiveFromRecord({ objective, currencyExponent })),
      }),
    },
  });
  const money = (amount: MinorUnits) => toDecimalAmount({ amount, currencyExponent });
  const trend: TrendPointView[] = cumulativeTrend({ totals: portfolio, asOf }).map((point) => ({
    month: point.month,
    plannedBenefit: money(point.plannedBenefit),
    realisedBenefit: point.realisedBenefit === null ? null : money(point.realisedBenefit),
    plannedCost: money(point.plannedCost),
    actualCost: point.actualCost === null ? null : money(point.actualCost),
  }));
  const names = new Map(objectives.map((objective) => [objective.id, objective.name]));
  const truncated = {
    ...(projects.total > projects.kept.length
      ? { byProject: { shown: projects.kept.length, total: projects.total } }
      : {}),
    ...(programmes.total > programmes.kept.length
      ? { byProgramme: { shown: programmes.kept.length, total: programmes.total } }
      : {}),
  };
  return {
    asOf,
    currency: report.currency,
    portfolio: report.portfolio,
    byProject: report.byProject,
    byProgramme: report.byProgramme,
    byObjective: Object.fromEntries(
      Object.entries(report.byObjective).map(([id, figures]) => [
        id,
        { ...figures, name: names.get(id) ?? id },
      ]),
    ),
    advancedWindowMonths: report.advancedWindowMonths,
    strategicGoalsAdvancedPct: report.strategicGoalsAdvancedPct,
    objectivesOnTrackPct: report.objectivesOnTrackPct,
    strategicAlignmentPct: report.strategicAlignmentPct,
    trend,
    kpiTargets: settings.kpiTargets,
    unreadable: totals.unreadable,
    ...(Object.keys(truncated).length > 0 ? { truncated } : {}),
    ...(totals.unreadableCount > totals.unreadable.length ? { unreadableCount: totals.unreadableCount } : {}),
  };
}
