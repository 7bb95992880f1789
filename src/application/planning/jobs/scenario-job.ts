import { z } from 'zod';
import type { ScenarioStart } from '../../../contract/planning-job.contract';
import { runScenarioInput, type RunScenarioInput } from '../../../contract/planning.contract';
import type { EpicRecord } from '../../../domain/model/portfolio-record';
import { AppError, badRequest } from '../../app-error';
import { monthOf } from '../../ports/clock';
import type { BlockLink } from '../../ports/jira-site';
import { openScope, readScopePages, type PageRecords } from '../../portfolio/collect-scope';
import { SiteConfig } from '../../site-config';
import { scenarioViewOf } from '../run-scenario';
import { viewerContextOf, type PlanningJobContext } from './planning-job-context';
import { readJobData, writeJobData, type PlanningJobRecord } from './planning-job-store';
import { startJob, type StepResult } from './planning-jobs';

/**
 * Search pages (100 epics each) a scenario reads inline before it hands the scope to a job.
 * Measured on the local runtime with Forge-like latency (150 ms per Jira call, 30 ms per storage
 * call; 2-core machine, load average 12): 11 pages (1,100 epics, 692 in flight) read, their
 * links read and the plan solved in 5.0 s; 10 pages stay near 4.5 s of the resolver's 25 s,
 * leaving room for a slow Jira.
 */
export const SCENARIO_INLINE_PAGES = 10;
/** Pages one step of a job reads: the same bound as a whole inline run, far inside the consumer's 300 s. */
export const READ_PAGES_PER_STEP = 10;
/** Pages whose epics' links one step reads (Jira answers the links of 100 issues per call). */
export const LINK_PAGES_PER_STEP = 10;
/**
 * The most epics a scenario job plans: its result (each decision twice, exact and greedy, with
 * its why) must fit the 5 MB a resolver may answer the page with; 5,000 epics take about 3.5 MB.
 */
export const JOB_SCOPE_LIMIT = 5000;

/** The part of a page a scenario keeps: in-flight epics only (a Done epic has nothing left to decide). */
interface StoredPage {
  epics: EpicRecord[];
  keys: string[];
  /** Each epic's value-record revision, which applying the result names. */
  revisions: Record<string, number>;
}

const cursorSchema = z.object({
  asOf: z.string(),
  pageToken: z.string().optional(),
  pages: z.number().int().nonnegative(),
  epics: z.number().int().nonnegative(),
  linkedPages: z.number().int().nonnegative(),
  keys: z.number().int().nonnegative(),
});
type ScenarioCursor = z.infer<typeof cursorSchema>;

function inFlightOf(records: PageRecords): StoredPage {
  const epics = records.epics.filter((epic) => epic.status !== 'done');
  const keys = epics.map((epic) => epic.key);
  return {
    epics,
    keys,
    revisions: Object.fromEntries(keys.map((key) => [key, records.revisions.get(key) ?? 0])),
  };
}

function revisionsOf(pages: readonly StoredPage[]): Map<string, number> {
  return new Map(pages.flatMap((page) => Object.entries(page.revisions)));
}

/** Refuses floors on objectives the site does not have, before any epic is read. */
async function checkFloors(context: PlanningJobContext, input: RunScenarioInput): Promise<void> {
  if (input.floors.length === 0) return;
  const known = new Set((await new SiteConfig(context.store).objectives()).map((objective) => objective.id));
  input.floors.forEach((floor, index) => {
    if (!known.has(floor.objectiveId))
      throw badRequest('This objective does not exist.', [
        { path: `floors[${index}].objectiveId`, message: 'is not an objective of this site' },
      ]);
  });
}

/**
 * Starts a budget-cut scenario (issue #16) as the viewer. A scope of at most
 * `SCENARIO_INLINE_PAGES` search pages is planned here and now, as `planning/run-scenario` plans
 * it; a larger one becomes a job of the queue consumer, which reads it again page by page as the
 * same viewer, and the answer is the job to follow.
 */
export async function startScenario(
  context: PlanningJobContext,
  input: RunScenarioInput,
): Promise<ScenarioStart> {
  await checkFloors(context, input);
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const viewer = viewerContextOf(context);
  const opened = await openScope(viewer, input.scope);
  const pages: StoredPage[] = [];
  const next = await readScopePages(viewer, opened, {
    maxPages: SCENARIO_INLINE_PAGES,
    onPage: (records) => pages.push(inFlightOf(records)),
  });
  if (next === undefined) {
    const inFlight = pages.flatMap((page) => page.epics);
    const keys = inFlight.map((epic) => epic.key);
    const links = keys.length === 0 ? [] : await context.jira.blockLinks(keys);
    const { settings, objectives } = opened;
    const revisions = revisionsOf(pages);
    return {
      kind: 'result',
      view: scenarioViewOf({ input, asOf, settings, objectives, inFlight, revisions, links }),
    };
  }
  const cursor: ScenarioCursor = { asOf, pages: 0, epics: 0, linkedPages: 0, keys: 0 };
  const job = await startJob(context, {
    kind: 'scenario',
    input: { ...input, asOf },
    phase: 'reading',
    cursor,
  });
  return { kind: 'job', job };
}

const pageName = (index: number) => `page:${String(index).padStart(5, '0')}`;
const linksName = (index: number) => `links:${String(index).padStart(5, '0')}`;

async function readPageData(context: PlanningJobContext, jobId: string, index: number): Promise<StoredPage> {
  const page = (await readJobData(context.store, jobId, pageName(index))) as StoredPage | undefined;
  if (page === undefined)
    throw new AppError('UPSTREAM', `Page ${String(index + 1)} of the epics read is missing from storage.`);
  return page;
}

/** One bounded step of a scenario job: a few search pages, or the links of a few pages, or the plan. */
export async function scenarioStep(context: PlanningJobContext, job: PlanningJobRecord): Promise<StepResult> {
  const input = runScenarioInput.parse(job.input);
  const cursor = cursorSchema.parse(job.cursor);
  const viewer = viewerContextOf(context);

  if (job.phase === 'reading') {
    const opened = await openScope(viewer, input.scope);
    const pages: StoredPage[] = [];
    let epics = cursor.epics;
    const next = await readScopePages(viewer, opened, {
      ...(cursor.pageToken === undefined ? {} : { pageToken: cursor.pageToken }),
      maxPages: READ_PAGES_PER_STEP,
      onPage: (records) => {
        pages.push(inFlightOf(records));
        epics += records.epics.length + records.unreadable.length;
        if (epics > JOB_SCOPE_LIMIT)
          throw new AppError(
            'TOO_LARGE',
            `This scope has more than ${JOB_SCOPE_LIMIT.toLocaleString('en')} epics, too many for one scenario. Narrow it to some projects, programmes, objectives or a JQL filter.`,
          );
      },
    });
    await Promise.all(
      pages.map((page, index) => writeJobData(context.store, job.id, pageName(cursor.pages + index), page)),
    );
    const keys = cursor.keys + pages.reduce((sum, page) => sum + page.keys.length, 0);
    const read: ScenarioCursor = {
      asOf: cursor.asOf,
      pages: cursor.pages + pages.length,
      epics,
      linkedPages: 0,
      keys,
      ...(next === undefined ? {} : { pageToken: next }),
    };
    return next === undefined
      ? { phase: 'linking', done: 0, total: keys, cursor: read }
      : { phase: 'reading', done: epics, total: null, cursor: read };
  }

  if (job.phase === 'linking') {
    const upTo = Math.min(cursor.pages, cursor.linkedPages + LINK_PAGES_PER_STEP);
    const pages = await Promise.all(
      Array.from({ length: upTo - cursor.linkedPages }, (_, offset) =>
        readPageData(context, job.id, cursor.linkedPages + offset),
      ),
    );
    const keys = pages.flatMap((page) => page.keys);
    const links = keys.length === 0 ? [] : await context.jira.blockLinks(keys);
    await writeJobData(context.store, job.id, linksName(cursor.linkedPages), links);
    const linked = { ...cursor, linkedPages: upTo };
    // `done` counts the keys whose links earlier steps read.
    const linkedKeys = job.done + keys.length;
    return upTo >= cursor.pages
      ? { phase: 'solving', done: 0, total: cursor.keys, cursor: linked }
      : { phase: 'linking', done: linkedKeys, total: cursor.keys, cursor: linked };
  }

  // Solving: every page and every part of the links, then the plan.
  const pages = await Promise.all(
    Array.from({ length: cursor.pages }, (_, index) => readPageData(context, job.id, index)),
  );
  const linkParts = await Promise.all(
    Array.from({ length: Math.ceil(cursor.pages / LINK_PAGES_PER_STEP) }, (_, part) =>
      readJobData(context.store, job.id, linksName(part * LINK_PAGES_PER_STEP)),
    ),
  );
  if (linkParts.some((part) => !Array.isArray(part)))
    throw new AppError('UPSTREAM', 'Part of the links read is missing from storage.');
  // A link between epics of two parts was read with each part: counted once.
  const seen = new Set<string>();
  const links: BlockLink[] = [];
  for (const link of (linkParts as BlockLink[][]).flat()) {
    const id = `${link.blocker}>${link.blocked}`;
    if (!seen.has(id)) links.push(link);
    seen.add(id);
  }
  const config = new SiteConfig(context.store);
  const [settings, objectives] = await Promise.all([config.settings(), config.objectives()]);
  const inFlight = pages.flatMap((page) => page.epics);
  const revisions = revisionsOf(pages);
  const view = scenarioViewOf({ input, asOf: cursor.asOf, settings, objectives, inFlight, revisions, links });
  return { phase: 'finished', done: cursor.keys, total: cursor.keys, cursor, result: view };
}
