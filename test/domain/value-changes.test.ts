import { valueChanges } from '../../src/domain/history/value-changes';
import type { EpicValueRecord } from '../../src/domain/model/portfolio-record';

const base: EpicValueRecord = {
  successProbability: 0.8,
  objectives: [{ id: 'OBJ-1', share: 0.5 }],
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Faster checkout',
      planned: [
        { month: '2026-03', amount: 0.1 },
        { month: '2026-04', amount: 0.2 },
      ],
      realised: [{ month: '2026-04', amount: 100, evidence: 'estimated' }],
    },
  ],
  costs: { planned: [{ month: '2026-01', amount: 500 }], actual: [] },
  nps: null,
};

describe('valueChanges', () => {
  it('returns nothing when the record did not change', () => {
    expect(valueChanges({ before: base, after: base, currencyExponent: 2 })).toEqual([]);
  });

  it('describes the first save as added benefits with their totals, costs and links', () => {
    const changes = valueChanges({ before: null, after: base, currencyExponent: 2 });

    expect(changes).toEqual([
      { kind: 'benefit_added', benefit: 'Faster checkout', benefitKind: 'revenue' },
      { kind: 'benefit_planned', benefit: 'Faster checkout', before: 0, after: 0.3 },
      { kind: 'benefit_realised', benefit: 'Faster checkout', before: 0, after: 100 },
      { kind: 'cost_planned', before: 0, after: 500 },
      { kind: 'success_probability', before: 1, after: 0.8 },
      { kind: 'objective_linked', objectiveId: 'OBJ-1', share: 0.5 },
    ]);
  });

  it('sums money exactly to the cent (0.1 + 0.2 is 0.3)', () => {
    const [, planned] = valueChanges({ before: null, after: base, currencyExponent: 2 });

    expect(planned).toMatchObject({ after: 0.3 });
  });

  it('reports an evidence upgrade without a change of amount', () => {
    const benefit = base.benefits[0];
    if (!benefit) throw new Error('fixture has a benefit');
    const after = {
      ...base,
      benefits: [
        { ...benefit, realised: [{ month: '2026-04', amount: 100, evidence: 'verified' as const }] },
      ],
    };

    expect(valueChanges({ before: base, after, currencyExponent: 2 })).toEqual([
      { kind: 'evidence', benefit: 'Faster checkout' },
    ]);
  });

  it('reports removed benefits, unlinked objectives, share and NPS changes', () => {
    const after: EpicValueRecord = {
      ...base,
      benefits: [],
      objectives: [{ id: 'OBJ-2', share: 0.25 }],
      nps: { promoters: 1, passives: 0, detractors: 0 },
    };

    expect(valueChanges({ before: base, after, currencyExponent: 2 })).toEqual([
      { kind: 'benefit_removed', benefit: 'Faster checkout' },
      { kind: 'objective_linked', objectiveId: 'OBJ-2', share: 0.25 },
      { kind: 'objective_unlinked', objectiveId: 'OBJ-1' },
      { kind: 'nps', before: null, after: { promoters: 1, passives: 0, detractors: 0 } },
    ]);
  });

  it('reports a renamed benefit by its new title, matched by id', () => {
    const benefit = base.benefits[0];
    if (!benefit) throw new Error('fixture has a benefit');
    const after = { ...base, benefits: [{ ...benefit, title: 'One-click checkout' }] };

    expect(valueChanges({ before: base, after, currencyExponent: 2 })).toEqual([
      { kind: 'benefit_renamed', benefit: 'One-click checkout', before: 'Faster checkout' },
    ]);
  });

  describe('benefit profile, baseline and ranges', () => {
    const benefit = base.benefits[0];
    if (!benefit) throw new Error('fixture has a benefit');
    const measure = {
      name: 'Checkout time',
      unit: 'seconds',
      baseline: 90,
      target: 30,
      method: 'Analytics median',
    };

    it('reports a new, changed and removed owner with the account ids', () => {
      const owned = { ...base, benefits: [{ ...benefit, owner: 'acc-ana' }] };
      const reowned = { ...base, benefits: [{ ...benefit, owner: 'acc-ben' }] };

      expect(valueChanges({ before: base, after: owned, currencyExponent: 2 })).toEqual([
        { kind: 'benefit_owner', benefit: 'Faster checkout', before: null, after: 'acc-ana' },
      ]);
      expect(valueChanges({ before: owned, after: reowned, currencyExponent: 2 })).toEqual([
        { kind: 'benefit_owner', benefit: 'Faster checkout', before: 'acc-ana', after: 'acc-ben' },
      ]);
      expect(valueChanges({ before: reowned, after: base, currencyExponent: 2 })).toEqual([
        { kind: 'benefit_owner', benefit: 'Faster checkout', before: 'acc-ben', after: null },
      ]);
    });

    it('reports a set and a changed measure with both versions', () => {
      const measured = { ...base, benefits: [{ ...benefit, measure }] };
      const retargeted = { ...base, benefits: [{ ...benefit, measure: { ...measure, target: 20 } }] };

      expect(valueChanges({ before: base, after: measured, currencyExponent: 2 })).toEqual([
        { kind: 'benefit_measure', benefit: 'Faster checkout', before: null, after: measure },
      ]);
      expect(valueChanges({ before: measured, after: retargeted, currencyExponent: 2 })).toEqual([
        {
          kind: 'benefit_measure',
          benefit: 'Faster checkout',
          before: measure,
          after: { ...measure, target: 20 },
        },
      ]);
    });

    it('reports the owner and measure of a new benefit after its addition', () => {
      const after = {
        ...base,
        benefits: [...base.benefits, { ...benefit, id: 'b2', owner: 'acc-ana', measure }],
      };

      expect(valueChanges({ before: base, after, currencyExponent: 2 })).toEqual([
        { kind: 'benefit_added', benefit: 'Faster checkout', benefitKind: 'revenue' },
        { kind: 'benefit_planned', benefit: 'Faster checkout', before: 0, after: 0.3 },
        { kind: 'benefit_realised', benefit: 'Faster checkout', before: 0, after: 100 },
        { kind: 'benefit_owner', benefit: 'Faster checkout', before: null, after: 'acc-ana' },
        { kind: 'benefit_measure', benefit: 'Faster checkout', before: null, after: measure },
      ]);
    });

    it('reports an approved baseline with its version and reason', () => {
      const approved = {
        ...base,
        baseline: {
          version: 2,
          approvedBy: 'acc-ana',
          approvedAt: '2026-11-02T10:00:00.000Z',
          reason: 'Scope cut',
          successProbability: 0.8,
          benefits: [],
          plannedCost: [],
        },
      };

      expect(valueChanges({ before: base, after: approved, currencyExponent: 2 })).toEqual([
        { kind: 'baseline_approved', version: 2, reason: 'Scope cut' },
      ]);
      expect(valueChanges({ before: approved, after: approved, currencyExponent: 2 })).toEqual([]);
    });

    it('reports changed risk ranges', () => {
      const ranged = { ...base, ranges: { benefits: [], costOverrun: { low: -10, likely: 0, high: 40 } } };

      expect(valueChanges({ before: base, after: ranged, currencyExponent: 2 })).toEqual([
        { kind: 'ranges' },
      ]);
    });
  });

  describe('scenario decision (issue #16)', () => {
    const decision = {
      choice: 'stop' as const,
      scenario: 'Budget cut 2027',
      by: 'planner',
      at: '2026-12-06T04:00:00.000Z',
    };

    it('reports an applied decision with its choice and scenario', () => {
      expect(valueChanges({ before: base, after: { ...base, decision }, currencyExponent: 2 })).toEqual([
        { kind: 'decision_applied', choice: 'stop', scenario: 'Budget cut 2027' },
      ]);
    });

    it('reports the same choice applied again from a later scenario, and nothing for an unchanged one', () => {
      const before = { ...base, decision };
      const again = {
        ...base,
        decision: { ...decision, scenario: 'Q3 review', at: '2027-03-01T09:00:00.000Z' },
      };

      expect(valueChanges({ before, after: again, currencyExponent: 2 })).toEqual([
        { kind: 'decision_applied', choice: 'stop', scenario: 'Q3 review' },
      ]);
      expect(valueChanges({ before, after: before, currencyExponent: 2 })).toEqual([]);
    });
  });
});
