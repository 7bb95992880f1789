import { z } from 'zod';
import type { PlanningJobView } from '../../contract/planning-job.contract';
import { MAX_RANGE_EPIC_DRAWS, rangesInput, type RangesView } from '../../contract/ranges.contract';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { AppError } from '../app-error';
import { monthOf } from '../ports/clock';
import { openScope, readScopePages } from '../portfolio/collect-scope';
import { viewerContextOf, type PlanningJobContext } from '../planning/jobs/planning-job-context';
import {
  loadJob,
  readJobData,
  writeJobData,
  type PlanningJobRecord,
} from '../planning/jobs/planning-job-store';
import { getPlanningJob, startJob, type StepResult } from '../planning/jobs/planning-jobs';
import { SiteConfig } from '../site-config';
import { rangesJobKey } from '../storage-keys';
import { defaultSeedOf, drawsFor, horizonOf, rangesViewOf } from './get-scope-ranges';

/** Search pages (100 epics each) one step reads: far inside the consumer's 300 s. */
export const RANGES_READ_PAGES_PER_STEP = 10;

/**
 * The most epics a ranges job simulates. Every epic's value record is kept in the job's storage
 * until the simulation (about 1.4 KB of JSON each: 27 MB at 20,000), and the last step holds them
 * all with the engine's model and draws in the consumer's 512 MB: on the bench's generated
 * portfolios, 20,000 epics (781 programmes) × 2,000 draws took 5.5 s in one thread and 380 MB at
 * the most for the whole process. Its draws are bounded as a call's are (`MAX_RANGE_EPIC_DRAWS`),
 * as the draws kept per scope, not the time, bound it: 2,500 draws at 20,000 epics.
 */
export const RANGES_JOB_SCOPE_LIMIT = 20_000;

/** A job answers the same request again for this long: a dashboard's reload finds its result. */
const REUSE_SECONDS = 3600;

export type RangesJobInput = z.infer<typeof rangesInput>;

const cursorSchema = z.object({
  asOf: z.string(),
  pageToken: z.string().optional(),
  pages: z.number().int().nonnegative(),
  epics: z.number().int().nonnegative(),
  unreadable: z.array(z.object({ key: z.string(), reason: z.string() })),
});
type RangesCursor = z.infer<typeof cursorSchema>;

const pageName = (index: number) => `page:${String(index).padStart(5, '0')}`;

/**
 * What identifies a request: FNV-1a (32 bit) of it as JSON with its as-of month, so that the same
 * gadget asking again the same month finds its job, and another month or option starts a new one.
 */
function requestIdOf(input: RangesJobInput, asOf: string): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify({ ...input, asOf })) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function ownerOf(context: PlanningJobContext): string {
  if (context.accountId === undefined)
    throw new AppError('UNAUTHENTICATED', 'Log in to Jira to see risk ranges.');
  return context.accountId;
}

/**
 * The caller's ranges job for this request, when one runs or finished within the hour (failed
 * and cancelled ones are not offered again); null otherwise.
 */
export async function findRangesJob(
  context: PlanningJobContext,
  input: RangesJobInput,
): Promise<PlanningJobView | null> {
  const owner = ownerOf(context);
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const jobId = await context.store.get(
    rangesJobKey({ accountId: owner, requestId: requestIdOf(input, asOf) }),
  );
  if (typeof jobId !== 'string') return null;
  const job = await loadJob(context.store, jobId);
  if (job === null || job.owner !== owner || job.kind !== 'ranges') return null;
  if (job.state === 'failed' || job.state === 'cancelled') return null;
  return getRangesJob(context, { jobId });
}

/**
 * Starts the risk ranges of a scope too large for one call (issue #17) as a job of the queue
 * consumer, run as the caller: it reads the scope page by page as they may browse it, then
 * simulates as `getScopeRanges` does. A running or recent job for the same request is answered
 * instead of starting another.
 */
export async function startRangesJob(
  context: PlanningJobContext,
  input: RangesJobInput,
): Promise<PlanningJobView> {
  const owner = ownerOf(context);
  const found = await findRangesJob(context, input);
  if (found !== null) return found;
  const asOf = input.asOf ?? monthOf(context.clock.now());
  // A horizon out of range is refused now, naming the field, rather than by the job's last step.
  horizonOf(asOf, input.horizon);
  const cursor: RangesCursor = { asOf, pages: 0, epics: 0, unreadable: [] };
  const job = await startJob(context, {
    kind: 'ranges',
    input: { ...input, asOf },
    phase: 'reading',
    cursor,
  });
  await context.store.set(rangesJobKey({ accountId: owner, requestId: requestIdOf(input, asOf) }), job.id, {
    ttlSeconds: REUSE_SECONDS,
  });
  return job;
}

/** A ranges job of the caller, with its progress and, once done, its ranges. */
export async function getRangesJob(
  context: PlanningJobContext,
  input: { jobId: string },
): Promise<PlanningJobView> {
  const job = await getPlanningJob(context, input, ['ranges']);
  if (job === null) throw new AppError('NOT_FOUND', 'This ranges job does not exist.');
  return job;
}

/** One bounded step of a ranges job: a few search pages, or, once all are read, the simulation. */
export async function rangesStep(context: PlanningJobContext, job: PlanningJobRecord): Promise<StepResult> {
  const input = rangesInput.parse(job.input);
  const cursor = cursorSchema.parse(job.cursor);
  if (job.phase === 'reading') return readStep(context, job, input, cursor);

  const pages = await Promise.all(
    Array.from({ length: cursor.pages }, async (_, index) => {
      const page = await readJobData(context.store, job.id, pageName(index));
      if (!Array.isArray(page))
        throw new AppError(
          'UPSTREAM',
          `Page ${String(index + 1)} of the epics read is missing from storage.`,
        );
      return page as EpicRecord[];
    }),
  );
  const epics = pages.flat();
  const config = new SiteConfig(context.store);
  const [settings, objectives] = await Promise.all([config.settings(), config.objectives()]);
  const view: RangesView = {
    ...rangesViewOf({
      settings,
      objectives,
      epics,
      asOf: cursor.asOf,
      horizon: input.horizon,
      draws: drawsFor(epics.length, input.draws, MAX_RANGE_EPIC_DRAWS, 'job'),
      seed: input.seed ?? defaultSeedOf(input.scope),
      correlation: input.correlation,
    }),
    unreadable: cursor.unreadable,
  };
  return { phase: 'finished', done: epics.length, total: epics.length, cursor, result: view };
}

async function readStep(
  context: PlanningJobContext,
  job: PlanningJobRecord,
  input: RangesJobInput,
  cursor: RangesCursor,
): Promise<StepResult> {
  const viewer = viewerContextOf(context);
  const opened = await openScope(viewer, input.scope);
  const pages: EpicRecord[][] = [];
  let epics = cursor.epics;
  const unreadable = [...cursor.unreadable];
  const next = await readScopePages(viewer, opened, {
    ...(cursor.pageToken === undefined ? {} : { pageToken: cursor.pageToken }),
    maxPages: RANGES_READ_PAGES_PER_STEP,
    onPage: (records) => {
      pages.push(records.epics);
      epics += records.epics.length;
      // The view names at most 50, as a live call does.
      unreadable.push(...records.unreadable.slice(0, Math.max(0, 50 - unreadable.length)));
      if (epics > RANGES_JOB_SCOPE_LIMIT)
        throw new AppError(
          'TOO_LARGE',
          `This scope has more than ${RANGES_JOB_SCOPE_LIMIT.toLocaleString('en')} epics, too many to simulate. Narrow the gadget's scope to some projects to see its risk ranges.`,
        );
    },
  });
  await Promise.all(
    pages.map((page, index) => writeJobData(context.store, job.id, pageName(cursor.pages + index), page)),
  );
  const read: RangesCursor = {
    asOf: cursor.asOf,
    pages: cursor.pages + pages.length,
    epics,
    unreadable,
    ...(next === undefined ? {} : { pageToken: next }),
  };
  return next === undefined
    ? { phase: 'simulating', done: 0, total: epics, cursor: read }
    : { phase: 'reading', done: epics, total: null, cursor: read };
}
