/** Random small budget-cut scenarios (0-12 epics) that the brute force can enumerate. */
import fc from 'fast-check';
import type { BudgetCutScenario } from '../../../src/domain/planning';

const OBJECTIVES = ['OBJ-1', 'OBJ-2'] as const;
/** The brute force visits at most this many assignments per run (levels^epics). */
const MAX_ASSIGNMENTS = 400_000;

/** A month's amount: often nothing, otherwise up to 1,000.00. */
const amount = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 }));

const planArbitrary = (key: string) =>
  fc
    .record({
      months: fc.integer({ min: 0, max: 20 }),
      cost: fc.array(amount, { minLength: 20, maxLength: 20 }),
      // Benefits mostly come later than costs; some epics are loss-makers.
      benefit: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 250_000 })), {
        minLength: 20,
        maxLength: 20,
      }),
      objective: fc.option(fc.record({ id: fc.constantFrom(...OBJECTIVES), share: fc.constantFrom(0.5, 1) })),
    })
    .map(({ months, cost, benefit, objective }) => ({
      key,
      objectives: objective === null ? [] : [objective],
      cost: cost.slice(0, months),
      benefit: benefit.slice(0, months),
    }));

/**
 * A random scenario of 0-12 epics. The delays offered are cut down until the brute force stays
 * within MAX_ASSIGNMENTS, so every generated scenario is usable (no fc.pre).
 */
export const scenarioArbitrary: fc.Arbitrary<BudgetCutScenario> = fc
  .integer({ min: 0, max: 12 })
  .chain((size) => {
    const keys = Array.from({ length: size }, (_, index) => `E-${String(index + 1)}`);
    const key = fc.constantFrom(...(keys.length > 0 ? keys : ['E-0']));
    return fc.record({
      plans: fc.tuple(...keys.map(planArbitrary)),
      delays: fc.subarray([3, 6, 12], { minLength: 0 }),
      windowMonths: fc.constantFrom(6, 12, 14),
      discountRate: fc.constantFrom(0, 0.05, 0.12),
      cap: fc.oneof(
        fc.record({ kind: fc.constant('cut' as const), percent: fc.integer({ min: 0, max: 100 }) }),
        fc.record({
          kind: fc.constant('cut-per-quarter' as const),
          percent: fc.integer({ min: 0, max: 100 }),
        }),
        fc.record({ kind: fc.constant('amount' as const), amount: fc.integer({ min: 0, max: 3_000_000 }) }),
        fc.record({
          kind: fc.constant('amount-per-quarter' as const),
          amounts: fc.array(fc.integer({ min: 0, max: 800_000 }), { minLength: 5, maxLength: 5 }),
        }),
      ),
      pins: fc.array(fc.record({ key, pin: fc.constantFrom('continue' as const, 'stop' as const) }), {
        maxLength: 3,
      }),
      dependencies: fc.array(fc.record({ blocker: key, blocked: key }), { maxLength: 5 }),
      floors: fc.array(
        fc.oneof(
          fc.record({
            objectiveId: fc.constantFrom(...OBJECTIVES),
            kind: fc.constant('percent-of-forecast' as const),
            percent: fc.integer({ min: 0, max: 100 }),
          }),
          fc.record({
            objectiveId: fc.constantFrom(...OBJECTIVES),
            kind: fc.constant('amount' as const),
            amount: fc.integer({ min: 0, max: 400_000 }),
          }),
        ),
        { maxLength: 2 },
      ),
    });
  })
  .map(({ plans, delays, windowMonths, cap, pins, dependencies, floors, discountRate }) => {
    const offered = [...delays];
    while (offered.length > 0 && (offered.length + 2) ** plans.length > MAX_ASSIGNMENTS) offered.pop();
    const quarters = Math.ceil(windowMonths / 3);
    return {
      asOf: '2026-03',
      discountRate,
      plans,
      windowMonths,
      delays: offered,
      cap: cap.kind === 'amount-per-quarter' ? { ...cap, amounts: cap.amounts.slice(0, quarters) } : cap,
      pins,
      dependencies,
      floors,
    };
  });
