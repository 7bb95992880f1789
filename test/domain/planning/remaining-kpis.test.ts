import {
  cd3,
  costOfDelay,
  finishingSignal,
  remainingCost,
  remainingNpv,
  remainingPlanOf,
} from '../../../src/domain';
import { aBenefit, anEpic, at } from '../../fixtures/value-builders';

/** The worked example of docs: 2,000.00 spent to March; Apr 1,000 and May 200 still to spend. */
const epic = (successProbability: number) =>
  anEpic({
    value: {
      successProbability,
      benefits: [aBenefit({ planned: [at('2026-05', 1000), at('2026-06', 1000)] })],
      costs: { planned: [at('2026-04', 1000), at('2026-05', 200)], actual: [at('2026-03', 2000)] },
    },
  });
const plan = remainingPlanOf({ epic: epic(0.8), asOf: '2026-03' });

describe('remaining value of an in-flight epic', () => {
  it('returns the NPV of the future flows only, ignoring the sunk cost', () => {
    // -1000 / 1.01 + 600 / 1.01^2 + 800 / 1.01^3 = 374.5507 EUR
    expect(remainingNpv({ plan, discountRate: 0.12 })).toBe(37455);
    expect(remainingCost({ plan })).toBe(120000);
  });

  it('returns the NPV lost to a month of delay and CD3 over the 2 months of remaining work', () => {
    expect(costOfDelay({ plan, discountRate: 0.12 })).toBe(371); // 374.5507 x 0.01 / 1.01
    expect(cd3({ plan, discountRate: 0.12 })).toEqual({ value: 185.5 });
  });

  it('returns null CD3 with a reason when no work remains', () => {
    const done = remainingPlanOf({ epic: epic(0.8), asOf: '2026-06' });
    expect(cd3({ plan: done, discountRate: 0.12 })).toEqual({ value: null, reason: 'NO_REMAINING_WORK' });
  });

  it('flags an epic not worth finishing when its remaining risk-adjusted benefit is below its remaining cost', () => {
    expect(finishingSignal({ plan }).verdict).toBe('worth_finishing');
    const weak = remainingPlanOf({ epic: epic(0.5), asOf: '2026-03' });
    expect(finishingSignal({ plan: weak })).toEqual({ verdict: 'not_worth_finishing', margin: -20000 });
  });
});
