import { readAudit } from '../../../src/application/admin/audit-log';
import { AppError } from '../../../src/application/app-error';
import { getEpicHistory } from '../../../src/application/epic-value/get-epic-history';
import type { PanelContext } from '../../../src/application/epic-value/panel-context';
import { saveEpicValue } from '../../../src/application/epic-value/save-epic-value';
import { applyScenario } from '../../../src/application/planning/apply-scenario';
import { ADMIN_AUDIT_PREFIX } from '../../../src/application/storage-keys';
import type { ApplyScenarioInput } from '../../../src/contract/planning.contract';
import { applyScenarioInput } from '../../../src/contract/planning.contract';
import type { EpicValueDocumentInput } from '../../../src/contract/epic-value.schema';
import { InMemoryJira, type FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { InMemoryWorkQueue } from '../../fakes/in-memory-work-queue';

const planner: FakeUser = { accountId: 'planner' };
/** May edit in PAY only. */
const payOnly: FakeUser = { accountId: 'pay-editor', edit: ['PAY'] };

const KEYS = ['PAY-1', 'PAY-2', 'OPS-1', 'OPS-2'] as const;

const plan = (amount: number): EpicValueDocumentInput => ({
  successProbability: 0.7,
  benefits: [
    { id: 'b1', kind: 'revenue', title: 'Checkout', planned: [{ month: '2027-03', amount }], realised: [] },
  ],
  costs: { planned: [{ month: '2027-01', amount: 400 }], actual: [] },
});

/** Storage whose audit log refuses writes, to test that the entry is part of the whole. */
class AuditRefusingStore extends InMemoryKeyValueStore {
  override set(key: string, value: unknown): Promise<void> {
    if (key.startsWith(ADMIN_AUDIT_PREFIX)) return Promise.reject(new Error('Storage answered 500.'));
    return super.set(key, value);
  }
}

async function site(store: InMemoryKeyValueStore = new InMemoryKeyValueStore()) {
  const jira = new InMemoryJira();
  for (const key of KEYS) jira.addEpic({ key });
  jira.addEpic({ key: 'PAY-9', hierarchyLevel: 0, issueTypeId: '10000' });
  const contextFor = (user: FakeUser): PanelContext => ({
    accountId: user.accountId,
    jira: jira.siteFor(user),
    permissions: jira.permissionsFor(user),
    groups: jira.groups,
    store,
    clock: { now: () => new Date('2026-12-06T04:00:00Z') },
    sleep: () => Promise.resolve(),
    rollupQueue: new InMemoryWorkQueue(),
  });
  // Every epic but OPS-2 has a record (revision 1); OPS-2 has none yet.
  for (const key of KEYS.slice(0, 3))
    await saveEpicValue(contextFor(planner), { issueKey: key, baseRevision: 0, value: plan(1000) });
  const rawOf = () => Object.fromEntries(KEYS.map((key) => [key, jira.rawValueOf(key)]));
  const input = (overrides: Partial<ApplyScenarioInput> = {}): ApplyScenarioInput => ({
    scenario: 'Budget cut 2027',
    decisions: [
      { issueKey: 'PAY-1', choice: 'stop', baseRevision: 1 },
      { issueKey: 'PAY-2', choice: 'delay_6', baseRevision: 1 },
      { issueKey: 'OPS-1', choice: 'continue', baseRevision: 1 },
      { issueKey: 'OPS-2', choice: 'stop', baseRevision: 0 },
    ],
    ...overrides,
  });
  const apply = (user: FakeUser, overrides: Partial<ApplyScenarioInput> = {}) =>
    applyScenario(contextFor(user), input(overrides));
  const failureOf = async (promise: Promise<unknown>): Promise<AppError> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected the application to fail');
  };
  return { jira, store, contextFor, apply, rawOf, failureOf };
}

describe('applyScenario', () => {
  it('records each epic’s decision with the scenario, who and when, as a new revision', async () => {
    const { jira, apply } = await site();

    const applied = await apply(planner);

    expect(applied.epics).toEqual([
      { issueKey: 'PAY-1', choice: 'stop', revision: 2 },
      { issueKey: 'PAY-2', choice: 'delay_6', revision: 2 },
      { issueKey: 'OPS-1', choice: 'continue', revision: 2 },
      { issueKey: 'OPS-2', choice: 'stop', revision: 1 },
    ]);
    expect(applied.counts).toEqual({ stop: 2, delay_6: 1, continue: 1 });
    const stored = jira.issues.get('PAY-1')?.stored;
    expect(stored?.state === 'stored' ? stored.record.value.decision : null).toEqual({
      choice: 'stop',
      scenario: 'Budget cut 2027',
      by: 'planner',
      at: '2026-12-06T04:00:00.000Z',
    });
    // The plan itself is untouched and the issue keeps its status: a decision is never acted on.
    expect(stored?.state === 'stored' ? stored.record.value.benefits[0]?.planned : null).toEqual([
      { month: '2027-03', amount: 1000 },
    ]);
    expect(jira.issues.get('PAY-1')?.status).toBe('in_progress');
  });

  it('indexes the decision for JQL (`valueDecision = stop`)', async () => {
    const { jira, apply } = await site();

    await apply(planner);

    const last = (issueId: string | undefined) => jira.writes.filter((w) => w.issueId === issueId).at(-1);
    expect(last(jira.issues.get('PAY-1')?.id)?.index.decision).toBe('stop');
    expect(last(jira.issues.get('PAY-2')?.id)?.index.decision).toBe('delay_6');
  });

  it('files one history entry per epic saying which scenario decided what', async () => {
    const { apply, contextFor } = await site();

    await apply(planner);

    const history = await getEpicHistory(contextFor(planner), { issueKey: 'PAY-2' });
    expect(history.entries[0]).toMatchObject({
      revision: 2,
      by: 'planner',
      at: '2026-12-06T04:00:00.000Z',
      changes: [{ kind: 'decision_applied', choice: 'delay_6', scenario: 'Budget cut 2027' }],
    });
  });

  it('adds one planning entry to the audit log naming the scenario, who, when and the counts', async () => {
    const { store, apply } = await site();

    await apply(planner);

    const { entries } = await readAudit(store, undefined, { kind: 'planning' });
    expect(entries).toEqual([
      {
        at: '2026-12-06T04:00:00.000Z',
        by: 'planner',
        action: 'planning.applied Budget cut 2027',
        changes: [
          { path: 'scenario', before: null, after: 'Budget cut 2027' },
          { path: 'epics', before: null, after: 4 },
          { path: 'decisions.stop', before: null, after: 2 },
          { path: 'decisions.delay_6', before: null, after: 1 },
          { path: 'decisions.continue', before: null, after: 1 },
        ],
      },
    ]);
  });

  it('leaves every epic as it was when the write of the third epic fails', async () => {
    const { jira, store, apply, rawOf, failureOf, contextFor } = await site();
    const before = rawOf();
    let writes = 0;
    jira.beforeWrite = () => {
      writes += 1;
      return writes === 3 ? Promise.reject(new Error('Jira answered 503.')) : Promise.resolve();
    };

    const error = await failureOf(apply(planner));

    expect(error.code).toBe('UPSTREAM');
    expect(error.message).toContain('OPS-1');
    expect(error.message).toContain('Nothing was applied');
    expect(rawOf()).toEqual(before);
    expect((await readAudit(store, undefined, { kind: 'planning' })).entries).toEqual([]);
    // Nothing of the attempt is left in the history, and the epics save as before (no stale claim).
    jira.beforeWrite = undefined;
    const history = await getEpicHistory(contextFor(planner), { issueKey: 'PAY-1' });
    expect(history.entries.map((entry) => entry.revision)).toEqual([1]);
    await expect(
      saveEpicValue(contextFor(planner), { issueKey: 'PAY-1', baseRevision: 1, value: plan(1200) }),
    ).resolves.toMatchObject({ revision: 2 });
  });

  it('puts every epic back when the audit entry cannot be written', async () => {
    const { apply, rawOf, failureOf } = await site(new AuditRefusingStore());
    const before = rawOf();

    const error = await failureOf(apply(planner));

    expect(error.code).toBe('UPSTREAM');
    expect(error.message).toContain('the audit log');
    expect(error.message).toContain('Nothing was applied');
    expect(rawOf()).toEqual(before);
  });

  it('writes nothing and names the epics that changed since the scenario was computed', async () => {
    const { apply, rawOf, failureOf, contextFor } = await site();
    await saveEpicValue(contextFor(planner), { issueKey: 'PAY-2', baseRevision: 1, value: plan(900) });
    const before = rawOf();

    const error = await failureOf(apply(planner));

    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('PAY-2');
    expect(error.message).not.toContain('PAY-1');
    expect(rawOf()).toEqual(before);
  });

  it('puts back what it wrote when a concurrent save takes an epic’s revision mid-way', async () => {
    const { jira, apply, rawOf, failureOf, contextFor } = await site();
    const before = rawOf();
    jira.beforeRawRead = async () => {
      jira.beforeRawRead = undefined;
      // Someone saves OPS-2 after the checks, before the application claims its revision.
      await saveEpicValue(contextFor(planner), { issueKey: 'OPS-2', baseRevision: 0, value: plan(50) });
    };

    const error = await failureOf(apply(planner));

    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('OPS-2');
    const after = rawOf();
    expect({ ...after, 'OPS-2': undefined }).toEqual({ ...before, 'OPS-2': undefined });
    const ops2 = jira.issues.get('OPS-2')?.stored;
    expect(ops2?.state === 'stored' ? ops2.record.value.decision : 'none').toBeUndefined();
  });

  it('refuses, naming the epics, when the caller may not edit every epic, and writes nothing', async () => {
    const { apply, rawOf, failureOf } = await site();
    const before = rawOf();

    const error = await failureOf(apply(payOnly));

    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('OPS-1, OPS-2');
    expect(error.message).not.toContain('PAY-1');
    expect(rawOf()).toEqual(before);
  });

  it('refuses an issue that is not an epic, and writes nothing', async () => {
    const { apply, rawOf, failureOf } = await site();
    const before = rawOf();

    const error = await failureOf(
      apply(planner, {
        decisions: [
          { issueKey: 'PAY-1', choice: 'stop', baseRevision: 1 },
          { issueKey: 'PAY-9', choice: 'stop', baseRevision: 0 },
        ],
      }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('PAY-9');
    expect(rawOf()).toEqual(before);
  });

  it('keeps the recorded decision when the panel saves the plan again', async () => {
    const { jira, apply, contextFor } = await site();
    await apply(planner);

    const view = await saveEpicValue(contextFor(planner), {
      issueKey: 'PAY-1',
      baseRevision: 2,
      value: {
        ...plan(1500),
        decision: { choice: 'continue', scenario: 'Forged', by: 'x', at: '2026-01-01T00:00:00Z' },
      },
    });

    expect(view.value.decision).toMatchObject({ choice: 'stop', scenario: 'Budget cut 2027' });
    const stored = jira.issues.get('PAY-1')?.stored;
    expect(stored?.state === 'stored' ? stored.record.value.decision?.choice : null).toBe('stop');
  });
});

describe('applyScenarioInput', () => {
  const decision = { issueKey: 'PAY-1', choice: 'stop', baseRevision: 1 };

  it('accepts up to 1,000 decisions and refuses more', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, index) => ({ ...decision, issueKey: `PAY-${String(index + 1)}` }));
    expect(applyScenarioInput.safeParse({ scenario: 'S', decisions: many(1000) }).success).toBe(true);
    expect(applyScenarioInput.safeParse({ scenario: 'S', decisions: many(1001) }).success).toBe(false);
  });

  it('refuses an epic named twice, an unknown choice and a name over 120 characters', () => {
    expect(applyScenarioInput.safeParse({ scenario: 'S', decisions: [decision, decision] }).success).toBe(
      false,
    );
    expect(
      applyScenarioInput.safeParse({ scenario: 'S', decisions: [{ ...decision, choice: 'delay_5' }] })
        .success,
    ).toBe(false);
    expect(applyScenarioInput.safeParse({ scenario: 'x'.repeat(121), decisions: [decision] }).success).toBe(
      false,
    );
    expect(applyScenarioInput.safeParse({ scenario: 'x'.repeat(120), decisions: [decision] }).success).toBe(
      true,
    );
  });
});
