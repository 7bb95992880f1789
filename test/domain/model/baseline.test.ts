import { nextBaseline, type ApprovedBaseline } from '../../../src/domain/model/baseline';

/* Freezing an epic's plan as its approved baseline (issue #15). Amounts in minor units. */

const plan = {
  successProbability: 0.8,
  benefits: [
    { id: 'b1', kind: 'revenue' as const, planned: [{ month: '2026-02', amount: 100_000 }] },
    { id: 'b2', kind: 'dis_benefit' as const, planned: [{ month: '2026-03', amount: 20_000 }] },
  ],
  costs: { planned: [{ month: '2026-01', amount: 50_000 }] },
};

const approval = { approvedBy: 'approver-1', approvedAt: '2026-01-05T09:00:00.000Z' };

function approved(result: ReturnType<typeof nextBaseline<number>>): ApprovedBaseline<number> {
  if (!('baseline' in result)) throw new Error(`refused: ${result.refused}`);
  return result.baseline;
}

describe(nextBaseline.name, () => {
  it('freezes the plan as version 1, without a reason, on the first approval', () => {
    expect(nextBaseline({ plan, previous: undefined, ...approval, reason: undefined })).toEqual({
      baseline: {
        version: 1,
        approvedBy: 'approver-1',
        approvedAt: '2026-01-05T09:00:00.000Z',
        successProbability: 0.8,
        benefits: [
          { id: 'b1', kind: 'revenue', planned: [{ month: '2026-02', amount: 100_000 }] },
          { id: 'b2', kind: 'dis_benefit', planned: [{ month: '2026-03', amount: 20_000 }] },
        ],
        plannedCost: [{ month: '2026-01', amount: 50_000 }],
      },
    });
  });

  it('keeps a reason given on the first approval, trimmed', () => {
    expect(
      approved(nextBaseline({ plan, previous: undefined, ...approval, reason: '  Board approval  ' })),
    ).toMatchObject({
      version: 1,
      reason: 'Board approval',
    });
  });

  it('copies the plan: changing the plan afterwards does not move the baseline', () => {
    const editable = {
      ...plan,
      benefits: [{ id: 'b1', kind: 'revenue' as const, planned: [{ month: '2026-02', amount: 100_000 }] }],
    };
    const baseline = approved(
      nextBaseline({ plan: editable, previous: undefined, ...approval, reason: undefined }),
    );
    const entry = editable.benefits[0]?.planned[0];
    if (entry !== undefined) entry.amount = 1;
    expect(baseline.benefits[0]?.planned[0]?.amount).toBe(100_000);
  });

  it('re-baselines as the next version with the reason, leaving the earlier baseline as it was', () => {
    const first = approved(nextBaseline({ plan, previous: undefined, ...approval, reason: undefined }));
    const snapshot = structuredClone(first);
    const cutPlan = {
      ...plan,
      benefits: [{ id: 'b1', kind: 'revenue' as const, planned: [{ month: '2026-02', amount: 60_000 }] }],
    };
    const second = approved(
      nextBaseline({
        plan: cutPlan,
        previous: first,
        approvedBy: 'approver-2',
        approvedAt: '2026-04-01T10:00:00.000Z',
        reason: 'Scope cut after the supplier left',
      }),
    );
    expect(second).toEqual({
      version: 2,
      approvedBy: 'approver-2',
      approvedAt: '2026-04-01T10:00:00.000Z',
      reason: 'Scope cut after the supplier left',
      successProbability: 0.8,
      benefits: [{ id: 'b1', kind: 'revenue', planned: [{ month: '2026-02', amount: 60_000 }] }],
      plannedCost: [{ month: '2026-01', amount: 50_000 }],
    });
    expect(first).toEqual(snapshot);
    expect(approved(nextBaseline({ plan, previous: second, ...approval, reason: 'Again' })).version).toBe(3);
  });

  it('refuses to re-baseline without a reason, or with a blank one', () => {
    const first = approved(nextBaseline({ plan, previous: undefined, ...approval, reason: undefined }));
    for (const reason of [undefined, '', '   \n\t']) {
      expect(nextBaseline({ plan, previous: first, ...approval, reason })).toEqual({
        refused: 'REASON_REQUIRED',
      });
    }
  });

  it('refuses a plan with no planned benefit and no planned cost', () => {
    const empty = {
      successProbability: 1,
      benefits: [{ id: 'b1', kind: 'revenue' as const, planned: [] }],
      costs: { planned: [] },
    };
    expect(nextBaseline({ plan: empty, previous: undefined, ...approval, reason: undefined })).toEqual({
      refused: 'NOTHING_PLANNED',
    });
  });

  it('approves a plan of costs only, or of benefits only', () => {
    const costsOnly = { ...plan, benefits: [] };
    const benefitsOnly = { ...plan, costs: { planned: [] } };
    expect(
      approved(nextBaseline({ plan: costsOnly, previous: undefined, ...approval, reason: undefined }))
        .benefits,
    ).toEqual([]);
    expect(
      approved(nextBaseline({ plan: benefitsOnly, previous: undefined, ...approval, reason: undefined }))
        .plannedCost,
    ).toEqual([]);
  });
});
