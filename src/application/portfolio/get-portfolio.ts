import type { PortfolioView, Scope, TrendPointView } from '../../contract/gadget.contract';
import { toDecimalAmount, type MinorUnits } from '../../domain/money/minor-units';
import { cumulativeTrend } from '../../domain/report/cumulative-trend';
import { portfolioTotals } from '../../domain/report/portfolio-totals';
import { currencyExponentOf } from '../../contract/currencies';
import { portfolioReport } from '../../domain/report/portfolio-report';
import { toPlainReport } from '../../domain/report/plain-report';
import { monthOf } from '../ports/clock';
import { collectScope, type CollectedScope } from './collect-scope';
import type { GadgetContext } from './gadget-context';

/** The engine's report of a collected scope: the very computation `npm run report` runs. */
export function reportOf(collected: CollectedScope, asOf: string) {
  const { settings, objectives, epics } = collected;
  return toPlainReport({
    report: portfolioReport({
      portfolio: {
        settings: { currency: settings.currency, discountRate: settings.discountRate },
        objectives: objectives.map(({ id, name, status, weight }) => ({ id, name, status, weight })),
        epics,
      },
      currencyExponent: currencyExponentOf(settings.currency) ?? 2,
      asOf,
    }),
  });
}

function trendOf(collected: CollectedScope, asOf: string): TrendPointView[] {
  const currencyExponent = currencyExponentOf(collected.settings.currency) ?? 2;
  const money = (amount: MinorUnits) => toDecimalAmount({ amount, currencyExponent });
  const { portfolio } = portfolioTotals({ epics: collected.epics, currencyExponent });
  return cumulativeTrend({ totals: portfolio, asOf }).map((point) => ({
    month: point.month,
    plannedBenefit: money(point.plannedBenefit),
    realisedBenefit: point.realisedBenefit === null ? null : money(point.realisedBenefit),
    plannedCost: money(point.plannedCost),
    actualCost: point.actualCost === null ? null : money(point.actualCost),
  }));
}

/** Portfolio KPIs of a scope, with breakdowns by project, programme and objective. */
export async function getPortfolio(
  context: GadgetContext,
  input: { scope: Scope; asOf?: string | undefined },
): Promise<PortfolioView> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const collected = await collectScope(context, input.scope);
  const report = reportOf(collected, asOf);
  const names = new Map(collected.objectives.map((objective) => [objective.id, objective.name]));
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
    strategicGoalsAdvancedPct: report.strategicGoalsAdvancedPct,
    strategicAlignmentPct: report.strategicAlignmentPct,
    trend: trendOf(collected, asOf),
    unreadable: collected.unreadable,
  };
}
