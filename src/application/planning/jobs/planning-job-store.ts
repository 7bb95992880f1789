import { z } from 'zod';
import type {
  PlanningJobKind,
  PlanningJobPhase,
  PlanningJobState,
} from '../../../contract/planning-job.contract';
import type { ErrorCode } from '../../../contract/envelope';
import type { KeyValueStore } from '../../ports/key-value-store';
import { planningJobDataKey, planningJobKey, planningLatestJobKey } from '../../storage-keys';

/** A job and its data are kept three days: long enough to come back to, short enough to need no sweep. */
export const JOB_TTL_SECONDS = 3 * 24 * 3600;

/**
 * Characters of JSON text per stored chunk. Forge stores at most 240 KiB per value; a chunk is
 * stored as a JSON string, in which a character takes at most 6 bytes (`\u001f`) and an
 * ordinary non-ASCII one at most 3, so 40,000 characters stay under the limit in the worst case.
 */
export const CHUNK_CHARS = 40_000;

/** The job as stored. `input` and `cursor` are the kind's own, parsed by the kind's step. */
export interface PlanningJobRecord {
  id: string;
  kind: PlanningJobKind;
  owner: string;
  createdAt: string;
  updatedAt: string;
  state: PlanningJobState;
  phase: PlanningJobPhase;
  done: number;
  total: number | null;
  /** Bumped by every step: an event for another step is a duplicate or stale, and is ignored. */
  seq: number;
  input: unknown;
  cursor: Record<string, unknown>;
  /** Set by the owner; the next step stops the job (an application first puts back what it wrote). */
  cancelRequested?: boolean;
  error?: { code: ErrorCode; message: string };
}

const recordSchema = z.object({
  id: z.string(),
  kind: z.enum(['scenario', 'apply', 'ranges']),
  owner: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  phase: z.enum([
    'reading',
    'linking',
    'solving',
    'checking',
    'writing',
    'auditing',
    'rolling-back',
    'simulating',
    'finished',
  ]),
  done: z.number(),
  total: z.number().nullable(),
  seq: z.number().int(),
  input: z.unknown(),
  cursor: z.record(z.string(), z.unknown()),
  cancelRequested: z.boolean().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** The stored job, or null when there is none (expired, never existed, or unreadable). */
export async function loadJob(store: KeyValueStore, jobId: string): Promise<PlanningJobRecord | null> {
  const parsed = recordSchema.safeParse(await store.get(planningJobKey({ jobId })));
  return parsed.success ? (parsed.data as PlanningJobRecord) : null;
}

export async function saveJob(store: KeyValueStore, job: PlanningJobRecord): Promise<void> {
  await store.set(planningJobKey({ jobId: job.id }), job, { ttlSeconds: JOB_TTL_SECONDS });
}

/**
 * Records a new job; a planning job (a scenario or an application) becomes its owner's latest,
 * what a reloaded planning page finds. A gadget's ranges job is found by its request instead.
 */
export async function createJob(store: KeyValueStore, job: PlanningJobRecord): Promise<void> {
  await saveJob(store, job);
  if (job.kind === 'ranges') return;
  await store.set(planningLatestJobKey({ accountId: job.owner }), job.id, { ttlSeconds: JOB_TTL_SECONDS });
}

export async function latestJobId(store: KeyValueStore, accountId: string): Promise<string | null> {
  const id = await store.get(planningLatestJobKey({ accountId }));
  return typeof id === 'string' ? id : null;
}

/** Stores any JSON value of the job under `name`, in chunks of `CHUNK_CHARS` characters of its text. */
export async function writeJobData(
  store: KeyValueStore,
  jobId: string,
  name: string,
  value: unknown,
): Promise<void> {
  const text = JSON.stringify(value);
  const chunks = Math.max(1, Math.ceil(text.length / CHUNK_CHARS));
  const options = { ttlSeconds: JOB_TTL_SECONDS };
  await Promise.all(
    Array.from({ length: chunks }, (_, index) =>
      store.set(
        planningJobDataKey({ jobId, name: `${name}:${String(index).padStart(4, '0')}` }),
        text.slice(index * CHUNK_CHARS, (index + 1) * CHUNK_CHARS),
        options,
      ),
    ),
  );
  // Written last: a reader never sees a count whose chunks are not all there.
  await store.set(planningJobDataKey({ jobId, name }), chunks, options);
}

/** A value stored by `writeJobData`, or undefined when it is not (all) there. */
export async function readJobData(store: KeyValueStore, jobId: string, name: string): Promise<unknown> {
  const chunks = await store.get(planningJobDataKey({ jobId, name }));
  if (typeof chunks !== 'number' || !Number.isInteger(chunks) || chunks < 1) return undefined;
  const keys = Array.from({ length: chunks }, (_, index) =>
    planningJobDataKey({ jobId, name: `${name}:${String(index).padStart(4, '0')}` }),
  );
  const found = await store.getMany(keys);
  const parts = keys.map((key) => found.get(key));
  if (parts.some((part) => typeof part !== 'string')) return undefined;
  try {
    return JSON.parse(parts.join('')) as unknown;
  } catch {
    return undefined;
  }
}
