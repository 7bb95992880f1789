import { sumTotals } from '../../domain/totals/merge-totals';
import type { ValueTotals } from '../../domain/totals/value-totals';
import { queryAll, type KeyValueStore } from '../ports/key-value-store';
import { rollupClaimKey, rollupDirtyKey, rollupEpicPrefix, rollupProjectKey } from '../storage-keys';
import { readContribution, type EpicContribution } from './contribution';
import {
  namedUnreadable,
  NO_PROGRAMME,
  programmeTotalsOf,
  type ScopeTotals,
  type UnreadableEpic,
} from './scope-totals';

/** A project's aggregate (`rollup:project:{project}`): the merge of its epics' contributions. */
export interface ProjectAggregate {
  /** 3: totals carry dis-benefits and approved baselines (issue #15); 1 and 2 are unreadable (computed live). */
  schema: 3;
  project: string;
  /** The currency of every contribution, or null when they disagree (a currency change is under way). */
  currency: string | null;
  epicCount: number;
  totals: ValueTotals;
  /** Programme totals without objective series (see `ScopeTotals`). */
  byProgramme: Record<string, ValueTotals>;
  unreadable: UnreadableEpic[];
  unreadableCount: number;
  updatedAt: string;
  /** The project's dirty stamp as it stood before the contributions were read: what this covers. */
  covers?: unknown;
  /**
   * Set when some stored contributions could not be read (written by an older version, until the
   * reconcile rewrites them): the totals miss those epics, so the aggregate is not used.
   */
  incomplete?: true;
}

export function aggregateOf({
  project,
  contributions,
  now,
}: {
  project: string;
  contributions: readonly EpicContribution[];
  now: Date;
}): ProjectAggregate {
  const readable = contributions.filter((contribution) => contribution.unreadable === null);
  const unreadable = contributions.flatMap((contribution) =>
    contribution.unreadable === null ? [] : [{ key: contribution.key, reason: contribution.unreadable }],
  );
  const programmes = new Map<string, ValueTotals[]>();
  for (const contribution of readable) {
    const programme = contribution.programme ?? NO_PROGRAMME;
    const list = programmes.get(programme);
    if (list === undefined) programmes.set(programme, [contribution.totals]);
    else list.push(contribution.totals);
  }
  const currencies = new Set(contributions.map((contribution) => contribution.currency));
  return {
    schema: 3,
    project,
    currency: currencies.size <= 1 ? ([...currencies][0] ?? null) : null,
    epicCount: readable.length,
    totals: sumTotals({ parts: readable.map((contribution) => contribution.totals) }),
    byProgramme: Object.fromEntries(
      [...programmes].map(([programme, parts]) => [programme, programmeTotalsOf(sumTotals({ parts }))]),
    ),
    unreadable: namedUnreadable(unreadable),
    unreadableCount: unreadable.length,
    updatedAt: now.toISOString(),
  };
}

export function readAggregate(raw: unknown): ProjectAggregate | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const candidate = raw as Partial<ProjectAggregate>;
  return candidate.schema === 3 &&
    candidate.incomplete !== true &&
    typeof candidate.project === 'string' &&
    typeof candidate.totals === 'object' &&
    typeof candidate.byProgramme === 'object' &&
    Array.isArray(candidate.unreadable)
    ? (candidate as ProjectAggregate)
    : null;
}

/** A project aggregate as part of a scope; a project without epics adds nothing. */
export function scopeTotalsOfAggregate(aggregate: ProjectAggregate): ScopeTotals {
  return {
    byProject: aggregate.epicCount > 0 ? { [aggregate.project]: aggregate.totals } : {},
    byProgramme: aggregate.byProgramme,
    unreadable: aggregate.unreadable,
    unreadableCount: aggregate.unreadableCount,
  };
}

/** Every readable contribution filed under a project, and how many entries were not readable. */
async function readContributions(
  store: KeyValueStore,
  project: string,
): Promise<{ contributions: EpicContribution[]; unreadableEntries: number }> {
  const entries = await queryAll(store, rollupEpicPrefix({ project }));
  const contributions = entries.flatMap((entry) => {
    const contribution = readContribution(entry.value);
    return contribution === null ? [] : [contribution];
  });
  return { contributions, unreadableEntries: entries.length - contributions.length };
}

/** Every contribution filed under a project (older or unreadable entries left out). */
export async function contributionsOf(store: KeyValueStore, project: string): Promise<EpicContribution[]> {
  return (await readContributions(store, project)).contributions;
}

/** A recompute outlives no invocation by much: a crashed holder frees the claim soon. */
const CLAIM_TTL_SECONDS = 30;
/** Rounds one holder makes before leaving the rest to whoever marked the project dirty last. */
const MAX_ROUNDS = 5;

let stampCounter = 0;
/** A value no other writer writes: marks a project dirty for whoever holds its claim. */
export function dirtyStamp(now: Date, issueId: string): string {
  stampCounter += 1;
  return `${now.toISOString()}:${issueId}:${String(stampCounter)}:${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Recomputes a project's aggregate from its contributions. Call it after writing a contribution
 * and a new `dirty` stamp for the project (in that order).
 *
 * Concurrent writers of one project: whoever claims the project recomputes; the others leave at
 * once. The holder reads `dirty` before reading the contributions and again after writing; if it
 * changed, some writer's contribution may have come after the read, so it goes again. A writer
 * that failed to claim wrote its stamp before trying, so either its stamp was read before the
 * holder's contribution read (its contribution is included), or the holder sees the stamp change
 * after writing and goes again, or a later holder claims after the release and includes it. The
 * aggregate written last therefore always includes every contribution written before it.
 */
export async function refreshProject(store: KeyValueStore, project: string, now: Date): Promise<void> {
  const claimKey = rollupClaimKey({ project });
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const claimed = await store.setIfAbsent(
      claimKey,
      { at: now.toISOString() },
      { ttlSeconds: CLAIM_TTL_SECONDS },
    );
    if (!claimed) return;
    let before: unknown;
    try {
      before = await store.get(rollupDirtyKey({ project }));
      const { contributions, unreadableEntries } = await readContributions(store, project);
      await store.set(rollupProjectKey({ project }), {
        ...aggregateOf({ project, contributions, now }),
        covers: before,
        ...(unreadableEntries > 0 ? { incomplete: true } : {}),
      });
    } finally {
      await store.delete(claimKey);
    }
    const after = await store.get(rollupDirtyKey({ project }));
    if (JSON.stringify(after) === JSON.stringify(before)) return;
  }
}

/**
 * Recomputes a project's aggregate when it does not cover the project's latest dirty stamp: a
 * writer cut off between filing its contribution and recomputing the aggregate leaves it so, and
 * refiling the same contribution later finds nothing to write.
 */
export async function refreshProjectIfBehind(
  store: KeyValueStore,
  project: string,
  now: Date,
): Promise<void> {
  const [dirty, aggregate] = await Promise.all([
    store.get(rollupDirtyKey({ project })),
    store.get(rollupProjectKey({ project })),
  ]);
  const read = readAggregate(aggregate);
  if (read !== null && JSON.stringify(read.covers) === JSON.stringify(dirty)) return;
  await refreshProject(store, project, now);
}
