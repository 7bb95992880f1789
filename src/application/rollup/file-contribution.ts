import type { KeyValueStore } from '../ports/key-value-store';
import { rollupDirtyKey, rollupEpicKey, rollupWhereKey } from '../storage-keys';
import { readContribution, sameContribution, type EpicContribution } from './contribution';
import { dirtyStamp, refreshProject, refreshProjectIfBehind } from './project-aggregate';

/**
 * Files an epic's contribution under its project and brings the project aggregate up to date.
 * The contribution, the epic's `where` entry, the removal from a project it moved away from and
 * the projects' dirty stamps are one transaction (at most 5 operations).
 *
 * Idempotent: filing what is already stored writes nothing. With `onlyIfNewer` (a save), a
 * contribution of a lower revision than the stored one is ignored: a slow save finishing after
 * a later one cannot bring an older value back.
 */
export async function fileContribution(
  store: KeyValueStore,
  contribution: EpicContribution,
  options: { now: Date; onlyIfNewer?: boolean },
): Promise<'written' | 'unchanged' | 'older'> {
  const { issueId, project } = contribution;
  const key = rollupEpicKey({ project, issueId });
  const [whereRaw, storedRaw] = await Promise.all([store.get(rollupWhereKey({ issueId })), store.get(key)]);
  const previousProject = typeof whereRaw === 'string' ? whereRaw : null;
  const stored = readContribution(storedRaw);
  const moved = previousProject !== null && previousProject !== project;
  if (!moved && sameContribution(stored, contribution) && previousProject === project) {
    await refreshProjectIfBehind(store, project, options.now);
    return 'unchanged';
  }
  if (options.onlyIfNewer === true && stored !== null && stored.revision > contribution.revision)
    return 'older';
  const stamp = dirtyStamp(options.now, issueId);
  await store.transact({
    set: [
      { key, value: contribution },
      { key: rollupWhereKey({ issueId }), value: project },
      { key: rollupDirtyKey({ project }), value: stamp },
      ...(moved ? [{ key: rollupDirtyKey({ project: previousProject }), value: stamp }] : []),
    ],
    ...(moved ? { delete: [rollupEpicKey({ project: previousProject, issueId })] } : {}),
  });
  await Promise.all([
    refreshProject(store, project, options.now),
    ...(moved ? [refreshProject(store, previousProject, options.now)] : []),
  ]);
  return 'written';
}

/** Removes a deleted (or no longer epic) issue's contribution; nothing to do when there is none. */
export async function removeContribution(
  store: KeyValueStore,
  issueId: string,
  options: { now: Date },
): Promise<'removed' | 'absent'> {
  const whereRaw = await store.get(rollupWhereKey({ issueId }));
  if (typeof whereRaw !== 'string') return 'absent';
  await store.transact({
    set: [{ key: rollupDirtyKey({ project: whereRaw }), value: dirtyStamp(options.now, issueId) }],
    delete: [rollupEpicKey({ project: whereRaw, issueId }), rollupWhereKey({ issueId })],
  });
  await refreshProject(store, whereRaw, options.now);
  return 'removed';
}
