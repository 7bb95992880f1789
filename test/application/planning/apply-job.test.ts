import { readAudit } from '../../../src/application/admin/audit-log';
import {
  APPLY_EPICS_PER_STEP,
  APPLY_INLINE_EPICS,
  startApply,
} from '../../../src/application/planning/jobs/apply-job';
import { cancelPlanningJob, getPlanningJob } from '../../../src/application/planning/jobs/planning-jobs';
import type { ApplyStart, PlanningJobView } from '../../../src/contract/planning-job.contract';
import { applyScenarioInput, type ApplyScenarioInput } from '../../../src/contract/planning.contract';
import type { FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { jobSite } from './job-site';

const planner: FakeUser = { accountId: 'planner' };
/** May edit in PAY only. */
const payEditor: FakeUser = { accountId: 'pay-editor', edit: ['PAY'] };

const EPICS = 2 * APPLY_EPICS_PER_STEP + 50;

async function site(store?: InMemoryKeyValueStore, projects: Record<string, number> = { PAY: EPICS }) {
  const keys = Object.entries(projects).flatMap(([project, count]) =>
    Array.from({ length: count }, (_, n) => `${project}-${String(n + 1)}`),
  );
  const s = await jobSite({
    projects,
    valued: keys.map((key) => ({ key, benefit: 2000 })),
    ...(store === undefined ? {} : { store }),
  });
  const revisionOf = (key: string) => {
    const stored = s.jira.issues.get(key)?.stored;
    return stored?.state === 'stored' ? stored.record.revision : 0;
  };
  const input = (count = keys.length): ApplyScenarioInput =>
    applyScenarioInput.parse({
      scenario: 'Budget cut 2027',
      decisions: keys.slice(0, count).map((issueKey, index) => ({
        issueKey,
        choice: index % 2 === 0 ? 'stop' : 'continue',
        baseRevision: revisionOf(issueKey),
      })),
    });
  const rawOf = () => Object.fromEntries(keys.map((key) => [key, s.jira.rawValueOf(key)]));
  const decisionOf = (key: string) => {
    const stored = s.jira.issues.get(key)?.stored;
    return stored?.state === 'stored' ? stored.record.value.decision : undefined;
  };
  return { ...s, keys, input, rawOf, revisionOf, decisionOf };
}

function jobOf(start: ApplyStart): PlanningJobView {
  if (start.kind !== 'job') throw new Error('expected a job');
  return start.job;
}

describe('startApply', () => {
  it('applies at most the inline bound at once, without a job', async () => {
    const s = await site(undefined, { PAY: 3 });

    const start = await startApply(s.contextFor(planner), s.input());

    expect(start.kind).toBe('result');
    expect(s.jobQueue.pushed).toEqual([]);
    expect(s.decisionOf('PAY-1')?.choice).toBe('stop');
  });

  it('starts a job for more epics than the inline bound, writing nothing yet', async () => {
    const s = await site();

    const job = jobOf(await startApply(s.contextFor(planner), s.input()));

    expect(EPICS).toBeGreaterThan(APPLY_INLINE_EPICS);
    expect(job).toMatchObject({ kind: 'apply', state: 'running', phase: 'checking' });
    expect(s.calls.writes).toBe(0);
  });
});

describe('apply jobs', () => {
  it('check every epic, then write in bounded batches, then add one audit entry', async () => {
    const s = await site();
    const before = s.revisionOf('PAY-7');
    const job = jobOf(await startApply(s.contextFor(planner), s.input()));

    const steps = await s.drain(planner);

    expect(steps.map((step) => step.writes)).toEqual([0, 100, 100, 50, 0]);
    const view = await getPlanningJob(s.contextFor(planner), { jobId: job.id });
    expect(view).toMatchObject({ state: 'done', phase: 'finished', progress: { done: EPICS, total: EPICS } });
    if (view?.kind !== 'apply' || view.result === undefined) throw new Error('expected a result');
    expect(view.result.counts).toEqual({ stop: EPICS / 2, continue: EPICS / 2 });
    expect(view.result.epics.find((epic) => epic.issueKey === 'PAY-7')?.revision).toBe(before + 1);
    expect(s.decisionOf('PAY-250')).toEqual({
      choice: 'continue',
      scenario: 'Budget cut 2027',
      by: 'planner',
      at: '2026-03-20T12:00:00.000Z',
    });
    const { entries } = await readAudit(s.store, undefined, { kind: 'planning' });
    expect(entries.map((entry) => entry.action)).toEqual(['planning.applied Budget cut 2027']);
  });

  it('put back every epic already written, byte for byte, when a later batch fails', async () => {
    const s = await site();
    const rawBefore = s.rawOf();
    s.jira.tooLarge.add('PAY-180');
    const job = jobOf(await startApply(s.contextFor(planner), s.input()));

    await s.drain(planner);

    expect(s.rawOf()).toEqual(rawBefore);
    const view = await getPlanningJob(s.contextFor(planner), { jobId: job.id });
    expect(view?.state).toBe('failed');
    expect(view?.error?.message).toMatch(
      /^Scenario “Budget cut 2027” could not be applied to PAY-180: .* Nothing was applied; every epic is as it was\.$/,
    );
    expect((await readAudit(s.store, undefined, { kind: 'planning' })).entries).toEqual([]);
  });

  it('resume a step that wrote its batch but was not recorded, without writing any epic twice', async () => {
    const store = new (class extends InMemoryKeyValueStore {
      failed = false;
      override set(key: string, value: unknown): Promise<void> {
        const next = (value as { cursor?: { next?: number } } | null)?.cursor?.next;
        if (!this.failed && key.endsWith(':record') && next === 2 * APPLY_EPICS_PER_STEP) {
          this.failed = true;
          return Promise.reject(new Error('Storage answered 500.'));
        }
        return super.set(key, value);
      }
    })();
    const s = await site(store);
    const job = jobOf(await startApply(s.contextFor(planner), s.input()));
    await s.deliverNext(planner); // checking
    await s.deliverNext(planner); // first batch

    await expect(s.deliverNext(planner)).rejects.toThrow('Storage answered 500.');
    await s.drain(planner); // Forge's retry of that step, then the rest

    expect(s.calls.writes).toBe(EPICS);
    expect((await getPlanningJob(s.contextFor(planner), { jobId: job.id }))?.state).toBe('done');
    expect(s.keys.every((key) => s.decisionOf(key)?.scenario === 'Budget cut 2027')).toBe(true);
  });

  it('put back what was written and end cancelled when the owner cancels mid-way', async () => {
    const s = await site();
    const rawBefore = s.rawOf();
    const job = jobOf(await startApply(s.contextFor(planner), s.input()));
    await s.deliverNext(planner);
    await s.deliverNext(planner);

    await cancelPlanningJob(s.contextFor(planner), { jobId: job.id });
    await s.drain(planner);

    expect(s.calls.writes).toBe(APPLY_EPICS_PER_STEP);
    expect(s.rawOf()).toEqual(rawBefore);
    const view = await getPlanningJob(s.contextFor(planner), { jobId: job.id });
    expect(view).toMatchObject({ state: 'cancelled', progress: { label: 'Cancelled' } });
  });

  it('refuse, before any write, epics the owner may not edit, naming them', async () => {
    const s = await site(undefined, { PAY: EPICS, OPS: 2 });
    const job = jobOf(await startApply(s.contextFor(payEditor), s.input()));

    await s.drain(payEditor);

    expect(s.calls.writes).toBe(0);
    const view = await getPlanningJob(s.contextFor(payEditor), { jobId: job.id });
    expect(view?.error).toEqual({
      code: 'FORBIDDEN',
      message:
        "You need the Edit issues permission on OPS-1, OPS-2 to record the scenario's decision. Nothing was applied.",
    });
  });
});
