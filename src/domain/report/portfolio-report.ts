import { valueKpis, type ValueKpis } from '../kpis/value-kpis';
import { strategicKpis, type StrategicKpis } from '../kpis/strategic-kpis';
import { objectiveFromRecord } from '../model/objective-from-record';
import type { PortfolioRecord } from '../model/portfolio-record';
import type { CurrencyExponent } from '../money/minor-units';
import type { YearMonth } from '../time/year-month';
import type { ValueTotals } from '../totals/value-totals';
import { portfolioTotals } from './portfolio-totals';

export interface PortfolioReport extends StrategicKpis {
  readonly asOf: YearMonth;
  readonly currency: string;
  readonly currencyExponent: CurrencyExponent;
  readonly portfolio: ValueKpis;
  readonly byProgramme: Readonly<Record<string, ValueKpis>>;
  readonly byProject: Readonly<Record<string, ValueKpis>>;
}

/**
 * Every KPI of a portfolio document as of a month: for the whole portfolio, per programme, per
 * project, per objective, and the strategic percentages.
 *
 * @param portfolio a validated portfolio (see `parsePortfolioV1` in the contract).
 * @param currencyExponent the ISO 4217 minor-unit exponent of `portfolio.settings.currency`.
 */
export function portfolioReport({
  portfolio,
  currencyExponent,
  asOf,
  advancedWindowMonths,
}: {
  portfolio: PortfolioRecord;
  currencyExponent: CurrencyExponent;
  asOf: YearMonth;
  /** The trailing window of `strategicGoalsAdvancedPct`; 3 months when not given. */
  advancedWindowMonths?: number;
}): PortfolioReport {
  const { discountRate, currency } = portfolio.settings;
  const totals = portfolioTotals({ epics: portfolio.epics, currencyExponent });
  const kpisOf = (group: Readonly<Record<string, ValueTotals>>) =>
    Object.fromEntries(
      Object.entries(group).map(([key, groupTotals]) => [
        key,
        valueKpis({ totals: groupTotals, asOf, discountRate }),
      ]),
    );
  return {
    asOf,
    currency,
    currencyExponent,
    portfolio: valueKpis({ totals: totals.portfolio, asOf, discountRate }),
    byProgramme: kpisOf(totals.byProgramme),
    byProject: kpisOf(totals.byProject),
    ...strategicKpis({
      totals: totals.portfolio,
      asOf,
      objectives: portfolio.objectives.map((objective) =>
        objectiveFromRecord({ objective, currencyExponent }),
      ),
      advancedWindowMonths,
    }),
  };
}
