import { describeChange, peopleNamedBy } from '../../../static/src/features/epic-panel/history-text';

const context = {
  currency: 'EUR',
  objectiveName: (id: string) => (id === 'OBJ-1' ? 'Grow recurring revenue' : id),
  personName: (accountId: string) => (accountId === 'acc-ana' ? 'Ana Lima' : accountId),
};
const measure = {
  name: 'Tickets a week',
  unit: 'tickets',
  baseline: 400,
  target: 250,
  method: 'Desk report',
};

describe('describeChange', () => {
  it.each([
    [
      { kind: 'benefit_added', benefit: 'Uplift', benefitKind: 'cost_saving' },
      'Added the cost saving benefit “Uplift”',
    ],
    [{ kind: 'benefit_removed', benefit: 'Uplift' }, 'Removed the benefit “Uplift”'],
    [{ kind: 'benefit_renamed', benefit: 'New', before: 'Old' }, 'Renamed the benefit “Old” to “New”'],
    [
      { kind: 'benefit_kind', benefit: 'Uplift', before: 'revenue', after: 'customer' },
      'Changed the kind of “Uplift” from Revenue to Customer',
    ],
    [
      { kind: 'benefit_planned', benefit: 'Uplift', before: 0, after: 120000 },
      'Planned €120,000.00 of benefit for “Uplift”',
    ],
    [
      { kind: 'benefit_planned', benefit: 'Uplift', before: 120000, after: 0 },
      'Changed the planned benefit of “Uplift” from €120,000.00 to €0.00',
    ],
    [
      { kind: 'benefit_realised', benefit: 'Uplift', before: 0, after: 900 },
      'Recorded €900.00 realised for “Uplift”',
    ],
    [
      { kind: 'benefit_realised', benefit: 'Uplift', before: 1000, after: 1250.5 },
      'Changed the realised benefit of “Uplift” from €1,000.00 to €1,250.50',
    ],
    [{ kind: 'evidence', benefit: 'Uplift' }, 'Changed the evidence of realised amounts of “Uplift”'],
    [{ kind: 'cost_planned', before: 10, after: 20 }, 'Changed the cost budget from €10.00 to €20.00'],
    [{ kind: 'cost_planned', before: 0, after: 20 }, 'Set the cost budget to €20.00'],
    [{ kind: 'cost_actual', before: 10, after: 20 }, 'Changed the actual cost from €10.00 to €20.00'],
    [{ kind: 'cost_actual', before: 0, after: 20 }, 'Recorded €20.00 of actual cost'],
    [
      { kind: 'success_probability', before: 1, after: 0.8 },
      'Changed the success probability from 100% to 80%',
    ],
    [
      { kind: 'objective_linked', objectiveId: 'OBJ-1', share: 0.6 },
      'Linked the objective Grow recurring revenue with a share of 60%',
    ],
    [{ kind: 'objective_unlinked', objectiveId: 'OBJ-9' }, 'Unlinked the objective OBJ-9'],
    [
      { kind: 'objective_share', objectiveId: 'OBJ-1', before: 0.5, after: 0.25 },
      'Changed the share of objective Grow recurring revenue from 50% to 25%',
    ],
    [
      { kind: 'nps', before: null, after: { promoters: 40, passives: 30, detractors: 10 } },
      'Changed the NPS survey from no survey to +37.5 (40 promoters, 30 passives, 10 detractors; 80 responses)',
    ],
    [{ kind: 'something_new' }, 'Changed the value record (something new)'],
    [
      { kind: 'benefit_owner', benefit: 'Uplift', before: null, after: 'acc-ana' },
      'Made Ana Lima the owner of “Uplift”',
    ],
    [
      { kind: 'benefit_owner', benefit: 'Uplift', before: 'acc-ana', after: 'acc-x' },
      'Changed the owner of “Uplift” from Ana Lima to acc-x',
    ],
    [
      { kind: 'benefit_owner', benefit: 'Uplift', before: 'acc-ana', after: null },
      'Removed Ana Lima as the owner of “Uplift”',
    ],
    [
      { kind: 'benefit_measure', benefit: 'Uplift', before: null, after: measure },
      'Set the measure of “Uplift”: Tickets a week, 400 → 250 tickets (Desk report)',
    ],
    [
      {
        kind: 'benefit_measure',
        benefit: 'Uplift',
        before: measure,
        after: { ...measure, target: 200, method: '' },
      },
      'Changed the measure of “Uplift” from Tickets a week, 400 → 250 tickets (Desk report) to Tickets a week, 400 → 200 tickets',
    ],
    [
      { kind: 'benefit_measure', benefit: 'Uplift', before: measure, after: null },
      'Removed the measure of “Uplift”',
    ],
    [{ kind: 'baseline_approved', version: 1, reason: null }, 'Approved the plan as baseline version 1'],
    [
      { kind: 'baseline_approved', version: 2, reason: 'Scope cut by half' },
      'Re-baselined the plan as version 2: Scope cut by half',
    ],
    [{ kind: 'ranges' }, 'Changed the risk ranges (three-point estimates or cost overrun)'],
    [
      { kind: 'decision_applied', choice: 'delay_6', scenario: 'Budget cut 2027' },
      'Applied scenario “Budget cut 2027”: Delay 6 months',
    ],
    [
      { kind: 'decision_applied', choice: 'stop', scenario: 'Q3 review' },
      'Applied scenario “Q3 review”: Stop',
    ],
  ])('describes %j', (change, sentence) => {
    expect(describeChange(change, context)).toBe(sentence);
  });
});

describe('peopleNamedBy', () => {
  it('returns the owners an owner change names, and nobody for other changes', () => {
    expect(
      peopleNamedBy({ kind: 'benefit_owner', benefit: 'Uplift', before: 'acc-ana', after: null }),
    ).toEqual(['acc-ana']);
    expect(peopleNamedBy({ kind: 'benefit_renamed', benefit: 'New', before: 'acc-ana' })).toEqual([]);
  });
});
