import { openLocalSite, type LocalSiteRuntime } from '../../local-site';
import type { EpicValueView } from '../../src/contract/panel.contract';
import type { ApplyStart, PlanningJobView, ScenarioStart } from '../../src/contract/planning-job.contract';
import type { ScenarioView } from '../../src/contract/planning.contract';
import type { RangesView } from '../../src/contract/ranges.contract';
import { ADMIN, call, PORTFOLIO, TEAM } from './local-site';

/**
 * Jobs of the queue consumer on the local runtime: value planning (issue #16) and the gadget's
 * risk ranges (issue #17). The real consumer (manifest.yml `value-planning-job-consumer`) runs
 * each step in its own invocation, as the user who pushed it.
 * 1,050 epics over two projects: more than a scenario plans inline; the team member browses one.
 */
describe('planning jobs on the local runtime', () => {
  let site: LocalSiteRuntime;
  const cut = { scope: { kind: 'all' }, cap: { kind: 'percent-cut', percent: 20, perQuarter: false } };

  beforeAll(async () => {
    site = await openLocalSite({
      dataDir: null,
      seed: 'demo',
      seedSize: { epics: 1050, projects: 2, childrenPerEpic: [0, 0] },
      log: () => undefined,
    });
    if (site.valueImport !== 'imported')
      throw new Error(`the value import failed: ${JSON.stringify(site.valueImport)}`);
  }, 600_000);
  afterAll(async () => {
    await site.close();
  });

  const jobOf = async (accountId: string, jobId?: string): Promise<PlanningJobView | null> => {
    const answer = await call<PlanningJobView | null>(
      site,
      accountId,
      'planning/get-job',
      jobId === undefined ? {} : { jobId },
    );
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data ?? null;
  };

  it('runs a large scenario in the consumer and answers the same plan as the inline run', async () => {
    const started = await call<ScenarioStart>(site, PORTFOLIO, 'planning/start-scenario', cut);
    if (started.data?.kind !== 'job') throw new Error(`expected a job: ${JSON.stringify(started)}`);
    const { id } = started.data.job;

    await site.deliverPendingEvents();

    const job = await jobOf(PORTFOLIO, id);
    expect(job).toMatchObject({ kind: 'scenario', state: 'done', phase: 'finished' });
    const inline = await call<ScenarioView>(site, PORTFOLIO, 'planning/run-scenario', {
      ...cut,
      asOf: job?.kind === 'scenario' ? job.result?.asOf : undefined,
    });
    expect(job?.result).toEqual(inline.data);
    // A reloaded page finds it again; another user cannot read it.
    expect((await jobOf(PORTFOLIO))?.id).toBe(id);
    const other = await call(site, ADMIN, 'planning/get-job', { jobId: id });
    expect(other.error?.code).toBe('NOT_FOUND');
  }, 600_000);

  it("computes a gadget scope's risk ranges in the consumer, equal to one request's", async () => {
    const request = { scope: { kind: 'all' }, draws: 500, seed: 11, correlation: 0.3 };
    const started = await call<PlanningJobView>(site, PORTFOLIO, 'gadget/start-ranges-job', request);
    if (!started.ok || started.data === undefined) throw new Error(JSON.stringify(started));

    await site.deliverPendingEvents();

    const job = await call<PlanningJobView>(site, PORTFOLIO, 'gadget/get-ranges-job', {
      jobId: started.data.id,
    });
    expect(job.data).toMatchObject({ kind: 'ranges', state: 'done', phase: 'finished' });
    const live = await call<RangesView>(site, PORTFOLIO, 'gadget/get-ranges', {
      ...request,
      asOf: job.data?.kind === 'ranges' ? job.data.result?.asOf : undefined,
    });
    expect(job.data?.result).toEqual(live.data);
    // Asking again finds it; another user cannot read it, nor the planning page.
    const found = await call<PlanningJobView | null>(site, PORTFOLIO, 'gadget/find-ranges-job', request);
    expect(found.data?.id).toBe(started.data.id);
    const other = await call(site, ADMIN, 'gadget/get-ranges-job', { jobId: started.data.id });
    expect(other.error?.code).toBe('NOT_FOUND');
    expect((await call(site, PORTFOLIO, 'planning/get-job', { jobId: started.data.id })).error?.code).toBe(
      'NOT_FOUND',
    );
  }, 600_000);

  it('plans only the epics a restricted viewer may browse', async () => {
    const started = await call<ScenarioStart>(site, TEAM, 'planning/start-scenario', cut);
    expect(started.ok).toBe(true);
    await site.deliverPendingEvents();
    const view =
      started.data?.kind === 'result'
        ? started.data.view
        : ((await jobOf(TEAM, started.data?.job.id))?.result as ScenarioView | undefined);
    const all = await call<ScenarioView>(site, ADMIN, 'planning/run-scenario', cut);

    expect(view?.epics).toBeGreaterThan(0);
    expect(view?.epics).toBeLessThan(all.data?.epics ?? 0);
    const keys = view?.status === 'planned' ? view.exact.decisions.map((decision) => decision.key) : [];
    const projects = new Set(keys.map((key) => key.split('-')[0]));
    expect(projects.size).toBe(1);
  }, 600_000);

  it('applies more epics than the inline bound as a job, all recorded once done', async () => {
    const scenario = await call<ScenarioView>(site, ADMIN, 'planning/run-scenario', cut);
    if (scenario.data?.status !== 'planned') throw new Error('expected a plan');
    const decisions = await Promise.all(
      scenario.data.exact.decisions.slice(0, 150).map(async (decision) => ({
        issueKey: decision.key,
        choice: decision.choice === 'delay' ? `delay_${String(decision.delayMonths)}` : decision.choice,
        baseRevision:
          (await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: decision.key })).data
            ?.revision ?? 0,
      })),
    );

    const started = await call<ApplyStart>(site, ADMIN, 'planning/start-apply', {
      scenario: 'Cut 2027',
      decisions,
    });
    if (started.data?.kind !== 'job') throw new Error(`expected a job: ${JSON.stringify(started)}`);
    await site.deliverPendingEvents();

    const job = await jobOf(ADMIN, started.data.job.id);
    expect(job).toMatchObject({ kind: 'apply', state: 'done' });
    const last = decisions.at(-1);
    const view = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: last?.issueKey });
    expect(view.data?.value.decision).toMatchObject({
      choice: last?.choice,
      scenario: 'Cut 2027',
      by: ADMIN,
    });
  }, 600_000);
});
