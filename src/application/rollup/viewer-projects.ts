import type { KeyValueStore } from '../ports/key-value-store';
import { viewerProjectsKey } from '../storage-keys';

/** Long enough that a dashboard of several gadgets asks Jira once; short enough that a revoked Browse soon counts. */
export const VIEWER_PROJECTS_TTL_SECONDS = 60;

/** The viewer as the roll-up read path knows them: who they are and what Jira lets them browse. */
export interface Viewer {
  accountId: string;
  /** Asks Jira (as the viewer) for the keys of the projects they may browse. */
  browsableProjectKeys(): Promise<string[]>;
}

/** The viewer's projects, and the cache write still under way (it never rejects). */
export interface ViewerProjects {
  projects: string[];
  /**
   * Settles when the cache entry is written. It is only a cache: a failed write is logged and the
   * next load asks Jira again. The caller awaits it alongside its next reads, before it returns,
   * since Forge may freeze an invocation's unfinished work once it has answered.
   */
  cached: Promise<void>;
}

/**
 * The projects the viewer may browse: from Jira, cached per account for a minute. Only these
 * projects' aggregates are ever merged for them.
 */
export async function viewerProjects(store: KeyValueStore, viewer: Viewer, now: Date): Promise<string[]> {
  const read = await readViewerProjects(store, viewer, now);
  await read.cached;
  return read.projects;
}

/** `viewerProjects` that leaves the cache write under way, for a caller with other reads to make meanwhile. */
export async function readViewerProjects(
  store: KeyValueStore,
  viewer: Viewer,
  now: Date,
): Promise<ViewerProjects> {
  const key = viewerProjectsKey({ accountId: viewer.accountId });
  const cached = (await store.get(key)) as { projects?: unknown; at?: unknown } | undefined;
  if (
    cached !== undefined &&
    Array.isArray(cached.projects) &&
    typeof cached.at === 'number' &&
    // The TTL removes the key; the time check covers a store that keeps it a little longer.
    now.getTime() - cached.at < VIEWER_PROJECTS_TTL_SECONDS * 1000
  ) {
    return {
      projects: cached.projects.filter((project): project is string => typeof project === 'string'),
      cached: Promise.resolve(),
    };
  }
  const projects = await viewer.browsableProjectKeys();
  const write = store
    .set(key, { projects, at: now.getTime() }, { ttlSeconds: VIEWER_PROJECTS_TTL_SECONDS })
    .catch((error: unknown) => {
      console.warn("The viewer's projects could not be cached; the next load asks Jira again.", error);
    });
  return { projects, cached: write };
}
