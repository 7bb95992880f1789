/** Whatever the input, a KPI is a finite number or an explicit "not computable", never NaN or Infinity. */
import fc from 'fast-check';
import { strategicKpis, totalsOfEpics, valueKpis, type Kpi } from '../../../src/domain';
import {
  discountRateArbitrary,
  epicArbitrary,
  monthArbitrary,
  objectivesArbitrary,
} from '../../fixtures/value-arbitraries';

function isFiniteOrNull(value: unknown): boolean {
  return value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function valuesOf(record: object): unknown[] {
  return Object.values(record).map((field: unknown) =>
    typeof field === 'object' && field !== null ? (field as Kpi<unknown>).value : field,
  );
}

describe(valueKpis.name, () => {
  it('returns only finite numbers, months or null', () => {
    fc.assert(
      fc.property(
        fc.array(epicArbitrary, { maxLength: 6 }),
        monthArbitrary,
        discountRateArbitrary,
        (epics, asOf, discountRate) => {
          const kpis = valueKpis({ totals: totalsOfEpics({ epics }), asOf, discountRate });
          expect(valuesOf(kpis).filter((value) => !isFiniteOrNull(value))).toEqual([]);
        },
      ),
    );
  });

  it('keeps verified share within 0..1 and realised dis-benefits >= 0, whatever dis-benefits sit beside the benefits', () => {
    fc.assert(
      fc.property(fc.array(epicArbitrary, { maxLength: 6 }), monthArbitrary, (epics, asOf) => {
        const kpis = valueKpis({ totals: totalsOfEpics({ epics }), asOf, discountRate: 0.08 });
        const share = kpis.verifiedShare.value ?? 0;
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
        expect(kpis.disBenefitRealised).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('gives a reason whenever a KPI has no value', () => {
    fc.assert(
      fc.property(fc.array(epicArbitrary, { maxLength: 4 }), monthArbitrary, (epics, asOf) => {
        const kpis = valueKpis({ totals: totalsOfEpics({ epics }), asOf, discountRate: 0.08 });
        for (const field of Object.values(kpis) as unknown[]) {
          if (typeof field === 'object' && field !== null && (field as Kpi<unknown>).value === null) {
            expect(field).toHaveProperty('reason', expect.stringMatching(/^[A-Z_]+$/));
          }
        }
      }),
    );
  });
});

describe(strategicKpis.name, () => {
  it('returns only finite numbers or null, and percentages within 0..100', () => {
    fc.assert(
      fc.property(
        fc.array(epicArbitrary, { maxLength: 6 }),
        objectivesArbitrary,
        monthArbitrary,
        (epics, objectives, asOf) => {
          const result = strategicKpis({ totals: totalsOfEpics({ epics }), asOf, objectives });
          for (const kpi of [result.strategicGoalsAdvancedPct, result.strategicAlignmentPct]) {
            expect(isFiniteOrNull(kpi.value)).toBe(true);
            if (kpi.value !== null) {
              expect(kpi.value).toBeGreaterThanOrEqual(0);
              expect(kpi.value).toBeLessThanOrEqual(100);
            }
          }
          for (const objective of Object.values(result.byObjective)) {
            expect(Number.isSafeInteger(objective.attributedPlanned)).toBe(true);
            expect(Number.isSafeInteger(objective.attributedRealised)).toBe(true);
          }
        },
      ),
    );
  });
});
