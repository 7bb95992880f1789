import { AppError } from '../../../src/application/app-error';
import {
  cancelPlanningJob,
  getPlanningJob,
  STALL_SECONDS,
} from '../../../src/application/planning/jobs/planning-jobs';
import {
  JOB_SCOPE_LIMIT,
  LINK_PAGES_PER_STEP,
  READ_PAGES_PER_STEP,
  SCENARIO_INLINE_PAGES,
  startScenario,
} from '../../../src/application/planning/jobs/scenario-job';
import { runScenario } from '../../../src/application/planning/run-scenario';
import type { PlanningJobView } from '../../../src/contract/planning-job.contract';
import { runScenarioInput, type ScenarioView } from '../../../src/contract/planning.contract';
import type { FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { jobSite } from './job-site';

const planner: FakeUser = { accountId: 'planner' };
const payTeam: FakeUser = { accountId: 'pay-team', browse: ['PAY'] };
const someoneElse: FakeUser = { accountId: 'someone-else' };

/** One more epic than a scenario plans inline: 1,001 with the valued ones. */
const LARGE = SCENARIO_INLINE_PAGES * 100;

const VALUED = [
  { key: 'PAY-1', benefit: 3000 },
  { key: 'PAY-2', benefit: 1500 },
  { key: 'OPS-1', cost: 2000, benefit: 2500 },
];

const input = (overrides: Record<string, unknown> = {}) =>
  runScenarioInput.parse({ scope: { kind: 'all' }, cap: { kind: 'percent-cut', percent: 30 }, ...overrides });

function jobOf(start: Awaited<ReturnType<typeof startScenario>>): PlanningJobView {
  if (start.kind !== 'job') throw new Error('expected a job');
  return start.job;
}

async function finished(view: PlanningJobView | null): Promise<ScenarioView> {
  if (view?.kind !== 'scenario' || view.state !== 'done' || view.result === undefined)
    throw new Error(`expected a finished scenario, got ${JSON.stringify(view?.error ?? view?.state)}`);
  return Promise.resolve(view.result);
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('startScenario', () => {
  it('plans a scope of at most the inline bound at once, as run-scenario does', async () => {
    const site = await jobSite({ projects: { PAY: 2, OPS: 1 }, valued: VALUED });

    const start = await startScenario(site.contextFor(planner), input());

    expect(start).toEqual({ kind: 'result', view: await runScenario(site.contextFor(planner), input()) });
    expect(site.jobQueue.pushed).toEqual([]);
  });

  it('starts a job for a larger scope and answers it, queued, instead of planning inline', async () => {
    const site = await jobSite({ projects: { PAY: LARGE, OPS: 1 }, valued: VALUED });

    const job = jobOf(await startScenario(site.contextFor(planner), input()));

    expect(job).toMatchObject({ kind: 'scenario', state: 'running', phase: 'reading' });
    expect(job.progress).toEqual({ done: 0, total: null, label: 'Reading epics: 0 read' });
    expect(site.jobQueue.pushed).toEqual([
      { body: { planningJob: { jobId: job.id, seq: 0 } }, delayInSeconds: 0 },
    ]);
  });
});

describe('scenario jobs', () => {
  it('read the scope in bounded steps and plan exactly what the inline run plans', async () => {
    const site = await jobSite({ projects: { PAY: 2 * LARGE, OPS: 1 }, valued: VALUED });
    const job = jobOf(await startScenario(site.contextFor(planner), input()));

    const steps = await site.drain(planner);

    // 2,001 epics: 21 pages in 3 reading steps, their links in 3 steps, then the plan.
    expect(steps.map((step) => step.searches)).toEqual([10, 10, 1, 0, 0, 0, 0]);
    expect(steps.every((step) => step.searches <= READ_PAGES_PER_STEP)).toBe(true);
    expect(steps.every((step) => step.linkReads <= LINK_PAGES_PER_STEP)).toBe(true);
    const view = await finished(await getPlanningJob(site.contextFor(planner), { jobId: job.id }));
    expect(view).toEqual(await runScenario(site.contextFor(planner), input({ asOf: '2026-03' })));
    expect(view.epics).toBe(2 * LARGE + 1);
  });

  it('shows progress after each step: epics read, then dependencies of the total', async () => {
    const site = await jobSite({ projects: { PAY: LARGE + 100 }, valued: [] });
    const job = jobOf(await startScenario(site.contextFor(planner), input()));
    const progress = async () =>
      (await getPlanningJob(site.contextFor(planner), { jobId: job.id }))?.progress;

    await site.deliverNext(planner);
    expect(await progress()).toEqual({ done: 1000, total: null, label: 'Reading epics: 1,000 read' });
    await site.deliverNext(planner);
    expect(await progress()).toEqual({
      done: 0,
      total: 1100,
      label: 'Reading dependencies: 0 of 1,100 epics',
    });
    await site.deliverNext(planner);
    expect(await progress()).toEqual({
      done: 1000,
      total: 1100,
      label: 'Reading dependencies: 1,000 of 1,100 epics',
    });
  });

  it('resume from the last step after a step failed mid-way, without reading the pages before it again', async () => {
    const store = new (class extends InMemoryKeyValueStore {
      failures = 0;
      override set(key: string, value: unknown): Promise<void> {
        if (key.includes(':data:page:00012') && this.failures === 0) {
          this.failures += 1;
          return Promise.reject(new Error('Storage answered 500.'));
        }
        return super.set(key, value);
      }
    })();
    const site = await jobSite({ projects: { PAY: 2 * LARGE }, valued: VALUED.slice(0, 2), store });
    const job = jobOf(await startScenario(site.contextFor(planner), input()));
    await site.deliverNext(planner);
    const searchesBefore = site.calls.searches;

    await expect(site.deliverNext(planner)).rejects.toThrow('Storage answered 500.');
    await site.deliverNext(planner); // Forge's retry of the same event
    await site.drain(planner);

    // The failed step and its retry each read pages 11 to 20; pages 1 to 10 were never read again.
    expect(site.calls.searches - searchesBefore).toBe(10 + 10 + 0);
    const view = await finished(await getPlanningJob(site.contextFor(planner), { jobId: job.id }));
    expect(view).toEqual(await runScenario(site.contextFor(planner), input({ asOf: '2026-03' })));
  });

  it('are queued again from their last step when a step was lost, once the job is read', async () => {
    const site = await jobSite({ projects: { PAY: LARGE + 1 }, valued: [] });
    const job = jobOf(await startScenario(site.contextFor(planner), input()));
    await site.deliverNext(planner);
    site.dropNext(); // Forge gave up on the next step

    site.advance(STALL_SECONDS - 1);
    expect((await getPlanningJob(site.contextFor(planner), { jobId: job.id }))?.state).toBe('running');
    expect(await site.drain(planner)).toEqual([]);
    site.advance(2);
    await getPlanningJob(site.contextFor(planner), { jobId: job.id });
    await site.drain(planner);

    expect((await finished(await getPlanningJob(site.contextFor(planner), { jobId: job.id }))).epics).toBe(
      LARGE + 1,
    );
  });

  it('ignore a second delivery of a step already done', async () => {
    const site = await jobSite({ projects: { PAY: LARGE + 1 }, valued: [] });
    const job = jobOf(await startScenario(site.contextFor(planner), input()));
    const first = site.jobQueue.pushed[0]?.body;
    await site.drain(planner);
    site.jobQueue.pushed.push({ body: first as Record<string, unknown>, delayInSeconds: 0 });

    expect(await site.drain(planner)).toEqual([{ searches: 0, linkReads: 0, writes: 0 }]);
    expect((await getPlanningJob(site.contextFor(planner), { jobId: job.id }))?.state).toBe('done');
  });

  it('refuse a scope of more epics than a job plans, naming the limit', async () => {
    const site = await jobSite({ projects: { PAY: JOB_SCOPE_LIMIT + 1 }, valued: [] });
    const job = jobOf(await startScenario(site.contextFor(planner), input()));

    await site.drain(planner);

    const view = await getPlanningJob(site.contextFor(planner), { jobId: job.id });
    expect(view?.state).toBe('failed');
    expect(view?.error).toEqual({
      code: 'TOO_LARGE',
      message: expect.stringContaining('more than 5,000 epics') as string,
    });
  });

  it('stop at the next step once their owner cancels', async () => {
    const site = await jobSite({ projects: { PAY: LARGE + 1 }, valued: [] });
    const job = jobOf(await startScenario(site.contextFor(planner), input()));
    await site.deliverNext(planner);

    expect((await cancelPlanningJob(site.contextFor(planner), { jobId: job.id })).state).toBe('running');
    const steps = await site.drain(planner);

    expect(steps).toEqual([{ searches: 0, linkReads: 0, writes: 0 }]);
    const view = await getPlanningJob(site.contextFor(planner), { jobId: job.id });
    expect(view).toMatchObject({ state: 'cancelled', progress: { label: 'Cancelled' } });
    expect(view?.result).toBeUndefined();
  });
});

describe('scenario job permissions', () => {
  it('let only the owner read or cancel a job; another user is told it does not exist', async () => {
    const site = await jobSite({ projects: { PAY: LARGE + 1 }, valued: [] });
    const job = jobOf(await startScenario(site.contextFor(planner), input()));
    await site.drain(planner);

    const read = await failureOf(getPlanningJob(site.contextFor(someoneElse), { jobId: job.id }));
    const cancel = await failureOf(cancelPlanningJob(site.contextFor(someoneElse), { jobId: job.id }));

    expect([read.code, cancel.code]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(read.message).toBe('This planning job does not exist, has expired, or is not yours.');
    expect(await getPlanningJob(site.contextFor(someoneElse), {})).toBeNull();
  });

  it('find the owner’s latest job again without its id, as a reloaded page does', async () => {
    const site = await jobSite({ projects: { PAY: LARGE + 1 }, valued: [] });
    const job = jobOf(await startScenario(site.contextFor(planner), input()));

    expect((await getPlanningJob(site.contextFor(planner), {}))?.id).toBe(job.id);
  });

  it('plan only the epics a restricted viewer may browse, in every step', async () => {
    const site = await jobSite({ projects: { PAY: LARGE + 1, OPS: LARGE }, valued: VALUED });
    const job = jobOf(await startScenario(site.contextFor(payTeam), input()));

    await site.drain(payTeam);

    const view = await finished(await getPlanningJob(site.contextFor(payTeam), { jobId: job.id }));
    const keys = view.status === 'planned' ? view.exact.decisions.map((decision) => decision.key) : [];
    expect(view.epics).toBe(LARGE + 1);
    expect(keys.filter((key) => !key.startsWith('PAY-'))).toEqual([]);
    expect(view).toEqual(await runScenario(site.contextFor(payTeam), input({ asOf: '2026-03' })));
  });

  it('stop a job whose step runs without its owner, before reading anything', async () => {
    const site = await jobSite({ projects: { PAY: LARGE + 1 }, valued: [] });
    const job = jobOf(await startScenario(site.contextFor(payTeam), input()));

    const asNobody = await site.drain(undefined);

    expect(asNobody).toEqual([{ searches: 0, linkReads: 0, writes: 0 }]);
    const view = await getPlanningJob(site.contextFor(payTeam), { jobId: job.id });
    expect(view?.state).toBe('failed');
    expect(view?.error?.code).toBe('FORBIDDEN');
  });

  it('stop a job whose step runs as another user, before reading anything', async () => {
    const site = await jobSite({ projects: { PAY: LARGE + 1, OPS: 5 }, valued: [] });
    const job = jobOf(await startScenario(site.contextFor(payTeam), input()));

    expect(await site.drain(planner)).toEqual([{ searches: 0, linkReads: 0, writes: 0 }]);
    expect((await getPlanningJob(site.contextFor(payTeam), { jobId: job.id }))?.error?.code).toBe(
      'FORBIDDEN',
    );
  });
});
