import { forecastCost } from './forecast-cost';
import { ratio, type Kpi, type KpiInput } from './kpi';
import { riskAdjustedBenefit } from './risk-adjusted-benefit';

/**
 * Expected return on investment: (riskAdjustedBenefit - forecastCost) / forecastCost.
 *
 * Units: a ratio.
 * Example: risk-adjusted benefit 3,800.00 against a forecast cost of 3,400.00
 *   -> (3800 - 3400) / 3400 = 0.1176...
 * Edge cases: forecast cost 0 -> not computable, `NO_FORECAST_COST`.
 */
export function expectedRoi(input: KpiInput): Kpi<number, 'NO_FORECAST_COST'> {
  const cost = forecastCost(input);
  return ratio({
    numerator: riskAdjustedBenefit(input) - cost,
    denominator: cost,
    reasonIfZero: 'NO_FORECAST_COST',
  });
}
