import { viewerContextOf } from '../../../src/application/planning/jobs/planning-job-context';
import { getPlanningJob } from '../../../src/application/planning/jobs/planning-jobs';
import { LIVE_SCOPE_LIMIT } from '../../../src/application/portfolio/collect-scope';
import { getScopeRanges } from '../../../src/application/ranges/get-scope-ranges';
import {
  RANGES_JOB_SCOPE_LIMIT,
  RANGES_READ_PAGES_PER_STEP,
  findRangesJob,
  getRangesJob,
  startRangesJob,
} from '../../../src/application/ranges/ranges-job';
import type { PlanningJobView } from '../../../src/contract/planning-job.contract';
import { rangesInput, type RangesView } from '../../../src/contract/ranges.contract';
import type { FakeUser } from '../../fakes/in-memory-jira-site';
import { failureOf } from '../../fixtures/admin-site';
import { jobSite } from '../planning/job-site';

const viewer: FakeUser = { accountId: 'viewer' };
const payTeam: FakeUser = { accountId: 'pay-team', browse: ['PAY'] };
const someoneElse: FakeUser = { accountId: 'someone-else' };

const VALUED = [
  { key: 'PAY-1', benefit: 3000 },
  { key: 'PAY-2', benefit: 1500 },
  { key: 'OPS-1', cost: 2000, benefit: 2500 },
];

const request = (overrides: Record<string, unknown> = {}) =>
  rangesInput.parse({ scope: { kind: 'all' }, correlation: 0.3, ...overrides });

function resultOf(view: PlanningJobView | null): RangesView {
  if (view?.kind !== 'ranges' || view.state !== 'done' || view.result === undefined)
    throw new Error(`expected finished ranges, got ${JSON.stringify(view?.error ?? view?.state)}`);
  return view.result;
}

describe(startRangesJob.name, () => {
  it('reads the scope in bounded steps, then simulates exactly what one request computes', async () => {
    const site = await jobSite({ projects: { PAY: 1500, OPS: 1 }, valued: VALUED });
    const job = await startRangesJob(site.contextFor(viewer), request());
    expect(job).toMatchObject({ kind: 'ranges', state: 'running', phase: 'reading' });
    expect(job.progress.label).toBe('Reading epics: 0 read');

    const steps = await site.drain(viewer);

    // 1,501 epics: 16 pages in 2 reading steps, then the simulation.
    expect(steps.map((step) => step.searches)).toEqual([RANGES_READ_PAGES_PER_STEP, 6, 0]);
    const done = await getRangesJob(site.contextFor(viewer), { jobId: job.id });
    expect(done.progress).toMatchObject({ done: 1501, total: 1501 });
    expect(resultOf(done)).toEqual(await getScopeRanges(viewerContextOf(site.contextFor(viewer)), request()));
  });

  it('shows the simulation as a phase of its own once every page is read', async () => {
    const site = await jobSite({ projects: { PAY: 30 }, valued: VALUED.slice(0, 2) });
    const job = await startRangesJob(site.contextFor(viewer), request());

    await site.deliverNext(viewer);

    expect(await getRangesJob(site.contextFor(viewer), { jobId: job.id })).toMatchObject({
      phase: 'simulating',
      progress: { done: 0, total: 30, label: 'Simulating the draws of 30 epics' },
    });
  });

  it('answers the running or finished job of the same request instead of starting another', async () => {
    const site = await jobSite({ projects: { PAY: 3 }, valued: VALUED.slice(0, 2) });
    const context = site.contextFor(viewer);
    expect(await findRangesJob(context, request())).toBeNull();

    const first = await startRangesJob(context, request());
    const again = await startRangesJob(context, request());
    await site.drain(viewer);
    const found = await findRangesJob(context, request());
    const otherSeed = await startRangesJob(context, request({ seed: 7 }));

    expect(again.id).toBe(first.id);
    expect(found?.id).toBe(first.id);
    expect(found?.state).toBe('done');
    expect(otherSeed.id).not.toBe(first.id);
    const started = new Set(
      site.jobQueue.pushed.map(
        (event) => (event.body as { planningJob: { jobId: string } }).planningJob.jobId,
      ),
    );
    expect(started).toEqual(new Set([first.id, otherSeed.id]));
  });

  it('reads only the epics its owner may browse, and shows the job to no one else', async () => {
    const site = await jobSite({ projects: { PAY: 2, OPS: 2 }, valued: VALUED });
    const job = await startRangesJob(site.contextFor(payTeam), request());
    await site.drain(payTeam);

    expect(resultOf(await getRangesJob(site.contextFor(payTeam), { jobId: job.id })).portfolio.epics).toBe(2);
    expect((await failureOf(getRangesJob(site.contextFor(someoneElse), { jobId: job.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect(await findRangesJob(site.contextFor(someoneElse), request())).toBeNull();
    // The planning page follows its own jobs only, and does not take a ranges job for its latest.
    expect((await failureOf(getPlanningJob(site.contextFor(payTeam), { jobId: job.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect(await getPlanningJob(site.contextFor(payTeam), {})).toBeNull();
  });
});

describe('a ranges job of a scope above its limit', () => {
  it('stops with TOO_LARGE once it has read more epics than it simulates, saying what to do', async () => {
    const site = await jobSite({ projects: { PAY: RANGES_JOB_SCOPE_LIMIT + 1 }, valued: [] });
    const job = await startRangesJob(site.contextFor(viewer), request());

    await site.drain(viewer);

    expect(await getRangesJob(site.contextFor(viewer), { jobId: job.id })).toMatchObject({
      state: 'failed',
      error: {
        code: 'TOO_LARGE',
        message:
          "This scope has more than 20,000 epics, too many to simulate. Narrow the gadget's scope to some projects to see its risk ranges.",
      },
    });
    expect(await findRangesJob(site.contextFor(viewer), request())).toBeNull();
  }, 60_000);
});

describe(getScopeRanges.name, () => {
  it('refuses a scope larger than one request reads, saying its ranges can be computed in the background', async () => {
    const site = await jobSite({ projects: { PAY: LIVE_SCOPE_LIMIT + 1 }, valued: [] });

    const error = await failureOf(getScopeRanges(viewerContextOf(site.contextFor(viewer)), request()));

    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toBe(
      'This scope has more than 5,000 epics, too many to read in one request. Its risk ranges can be computed in the background.',
    );
  });
});
