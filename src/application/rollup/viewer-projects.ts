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

/**
 * The projects the viewer may browse: from Jira, cached per account for a minute. Only these
 * projects' aggregates are ever merged for them.
 */
export async function viewerProjects(store: KeyValueStore, viewer: Viewer, now: Date): Promise<string[]> {
  const key = viewerProjectsKey({ accountId: viewer.accountId });
  const cached = (await store.get(key)) as { projects?: unknown; at?: unknown } | undefined;
  if (
    cached !== undefined &&
    Array.isArray(cached.projects) &&
    typeof cached.at === 'number' &&
    // The TTL removes the key; the time check covers a store that keeps it a little longer.
    now.getTime() - cached.at < VIEWER_PROJECTS_TTL_SECONDS * 1000
  ) {
    return cached.projects.filter((project): project is string => typeof project === 'string');
  }
  const projects = await viewer.browsableProjectKeys();
  await store.set(key, { projects, at: now.getTime() }, { ttlSeconds: VIEWER_PROJECTS_TTL_SECONDS });
  return projects;
}
