import { forecastCost } from './forecast-cost';
import { ratio, type Kpi, type KpiInput } from './kpi';
import { riskAdjustedBenefit } from './risk-adjusted-benefit';

/**
 * Value for money: riskAdjustedBenefit / forecastCost, the benefit expected per unit of money
 * spent (1.0 = break even).
 *
 * Units: a ratio.
 * Example: 3,800.00 / 3,400.00 -> 1.1176...
 * Edge cases: forecast cost 0 -> not computable, `NO_FORECAST_COST`.
 */
export function valueForMoney(input: KpiInput): Kpi<number, 'NO_FORECAST_COST'> {
  return ratio({
    numerator: riskAdjustedBenefit(input),
    denominator: forecastCost(input),
    reasonIfZero: 'NO_FORECAST_COST',
  });
}
