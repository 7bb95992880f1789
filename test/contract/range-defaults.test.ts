import fc from 'fast-check';
import { EVIDENCE_GRADES } from '../../src/contract/value-vocabulary';
import { benefitEvidenceGrade } from '../../src/domain/ranges/estimates';
import { minorUnits } from '../../src/domain/money/minor-units';
import type { Benefit } from '../../src/domain/model/benefit';
import { benefitGradeOf } from '../../static/src/features/epic-panel/range-defaults';
import { monthArbitrary } from '../fixtures/value-arbitraries';

describe('the panel’s range defaults', () => {
  it('returns the grade the simulation uses for any realised entries and as-of month', () => {
    const realisedArbitrary = fc.uniqueArray(
      fc.record({ month: monthArbitrary, evidence: fc.constantFrom(...EVIDENCE_GRADES) }),
      { selector: (entry) => entry.month, maxLength: 8 },
    );
    fc.assert(
      fc.property(realisedArbitrary, monthArbitrary, (realised, asOf) => {
        const benefit: Benefit = {
          id: 'b1',
          kind: 'revenue',
          title: 'Uplift',
          planned: [],
          realised: realised.map((entry) => ({ ...entry, amount: minorUnits(100) })),
        };
        const rows = realised.map((entry) => ({
          key: entry.month,
          month: entry.month,
          amount: '1.00',
          evidence: entry.evidence,
          note: '',
          evidenceLink: '',
        }));
        expect(benefitGradeOf({ realised: rows }, asOf)).toBe(benefitEvidenceGrade({ benefit, asOf }));
      }),
    );
  });
});
