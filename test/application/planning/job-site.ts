import type {
  PlanningJobContext,
  PlanningJobStepBody,
} from '../../../src/application/planning/jobs/planning-job-context';
import { PLANNING_JOB_STEPS } from '../../../src/application/planning/jobs/planning-job-steps';
import { runPlanningJobStep } from '../../../src/application/planning/jobs/planning-jobs';
import type { JiraSite } from '../../../src/application/ports/jira-site';
import { InMemoryJira, type FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { InMemoryWorkQueue } from '../../fakes/in-memory-work-queue';
import { growRevenue, importAsAdmin } from '../../fixtures/admin-site';
import { inFlightEpic } from '../../fixtures/in-flight-epic';

/** Jira calls counted per kind, to see how much one step does. */
export interface CallCounts {
  searches: number;
  linkReads: number;
  writes: number;
}

/**
 * A site for the planning jobs: `projects` maps a project key to its number of epics (PAY-1 …);
 * `valued` epics get a value record. The clock is a variable the test moves.
 */
export async function jobSite({
  projects,
  valued,
  store = new InMemoryKeyValueStore(),
}: {
  projects: Record<string, number>;
  valued: { key: string; cost?: number; benefit: number }[];
  store?: InMemoryKeyValueStore;
}) {
  const jira = new InMemoryJira();
  for (const [project, count] of Object.entries(projects))
    for (let n = 1; n <= count; n += 1) jira.addEpic({ key: `${project}-${String(n)}` });
  let now = new Date('2026-03-20T12:00:00Z');
  const clock = { now: () => now };
  await importAsAdmin(
    { jira, store, clock },
    {
      discountRate: 0.12,
      objectives: [growRevenue()],
      epics: valued.map(({ key, ...figures }) =>
        inFlightEpic(key, { ...figures, objectives: [{ id: 'OBJ-GROW', share: 1 }] }),
      ),
    },
  );
  const jobQueue = new InMemoryWorkQueue();
  const calls: CallCounts = { searches: 0, linkReads: 0, writes: 0 };
  const counted = (site: JiraSite): JiraSite => ({
    ...site,
    searchEpics: (query) => {
      calls.searches += 1;
      return site.searchEpics(query);
    },
    blockLinks: (keys) => {
      calls.linkReads += Math.ceil(keys.length / 100);
      return site.blockLinks(keys);
    },
    writeValue: (...args) => {
      calls.writes += 1;
      return site.writeValue(...args);
    },
  });
  /** The context of an invocation as `user` (a resolver call, or a consumer step they pushed). */
  const contextFor = (user: FakeUser | undefined): PlanningJobContext => ({
    accountId: user?.accountId,
    jira: counted(jira.siteFor(user ?? { accountId: 'nobody', browse: [] })),
    permissions: jira.permissionsFor(user ?? { accountId: 'nobody', browse: [] }),
    store,
    clock,
    jobQueue,
    rollupQueue: new InMemoryWorkQueue(),
  });
  let delivered = 0;
  const stepAt = (index: number) => {
    const body = jobQueue.pushed[index]?.body as Partial<PlanningJobStepBody> | undefined;
    if (body?.planningJob === undefined) throw new Error(`no planning job step queued at ${String(index)}`);
    return body.planningJob;
  };
  /**
   * Delivers every queued step as the local runtime does (each as the user who pushed it, here
   * `user`), until none is left; answers the calls each step made.
   */
  const drain = async (user: FakeUser | undefined): Promise<CallCounts[]> => {
    const perStep: CallCounts[] = [];
    while (delivered < jobQueue.pushed.length) {
      const step = stepAt(delivered);
      delivered += 1;
      const before = { ...calls };
      await runPlanningJobStep(contextFor(user), step, PLANNING_JOB_STEPS, `event-${String(delivered)}`);
      perStep.push({
        searches: calls.searches - before.searches,
        linkReads: calls.linkReads - before.linkReads,
        writes: calls.writes - before.writes,
      });
    }
    return perStep;
  };
  /**
   * Delivers the next queued step once, as Forge does: a step that throws stays next, to be
   * delivered again with the same event id (Forge's retry).
   */
  const deliverNext = async (user: FakeUser | undefined) => {
    const step = stepAt(delivered);
    await runPlanningJobStep(contextFor(user), step, PLANNING_JOB_STEPS, `event-${String(delivered + 1)}`);
    delivered += 1;
  };
  /** Drops the next queued event, as if Forge had given up on it. */
  const dropNext = () => {
    delivered += 1;
  };
  const advance = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };
  return { jira, store, clock, calls, jobQueue, contextFor, drain, deliverNext, dropNext, advance };
}
