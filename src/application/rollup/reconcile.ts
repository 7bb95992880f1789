import type { AppSettings } from '../../contract/site-config.schema';
import { isEpic } from '../epic-value/epic-value-view';
import type { EpicIssue } from '../ports/jira-site';
import { queryAll } from '../ports/key-value-store';
import { SiteConfig } from '../site-config';
import {
  reconcileSeenKey,
  reconcileSeenPrefix,
  ROLLUP_PROJECT_PREFIX,
  rollupDirtyKey,
  rollupEpicKey,
  rollupWhereKey,
} from '../storage-keys';
import { contributionOf, sameContribution, type EpicContribution } from './contribution';
import { syncEpicFields } from './epic-field-values';
import { contributionsOf, dirtyStamp, refreshProject } from './project-aggregate';
import type { ReconcileContext } from './rollup-context';

/**
 * Projects one step reconciles side by side (each at most `PAGES_PER_STEP` pages): at 50,000 epics
 * over 200 projects (~3 pages each) the slowest step took 2.4 s with Forge-like latency (bench).
 */
export const PROJECTS_PER_STEP = 4;
/** Search pages (100 epics) a project gets per step; a larger project continues in a new step. */
export const PAGES_PER_STEP = 10;
/** Keys per storage transaction (Forge allows 25 operations): contribution + where per epic. */
const EPICS_PER_TRANSACTION = 12;
const SEEN_TTL_SECONDS = 24 * 3600;

export interface ProjectCursor {
  key: string;
  /** False for a project that has an aggregate but no longer exists in Jira: it is emptied. */
  exists: boolean;
  pageToken?: string;
  /** How many steps this project had before (its seen ids are stored when > 0). */
  step?: number;
}

export interface ReconcileStepBody {
  runId: string;
  projects: ProjectCursor[];
}

/**
 * The scheduled start of a reconcile: one queue event per `PROJECTS_PER_STEP` projects, so that
 * each step stays far inside Forge's invocation limits however large the site is.
 */
export async function startReconcile(context: ReconcileContext): Promise<{ runId: string; steps: number }> {
  const runId = context.clock
    .now()
    .toISOString()
    .replace(/[^0-9TZ]/g, '');
  const [projects, aggregates] = await Promise.all([
    context.listProjects(),
    queryAll(context.store, ROLLUP_PROJECT_PREFIX),
  ]);
  const existing = new Set(projects);
  const gone = aggregates
    .map((entry) => entry.key.slice(ROLLUP_PROJECT_PREFIX.length))
    .filter((key) => !existing.has(key));
  const cursors: ProjectCursor[] = [
    ...projects.map((key) => ({ key, exists: true })),
    ...gone.map((key) => ({ key, exists: false })),
  ];
  const bodies: ReconcileStepBody[] = [];
  for (let start = 0; start < cursors.length; start += PROJECTS_PER_STEP) {
    bodies.push({ runId, projects: cursors.slice(start, start + PROJECTS_PER_STEP) });
  }
  if (bodies.length > 0) await context.queue.push(bodies as unknown as Record<string, unknown>[]);
  return { runId, steps: bodies.length };
}

/** One step: re-derives each of its projects' contributions from Jira and rewrites their aggregates. */
export async function reconcileStep(context: ReconcileContext, body: ReconcileStepBody): Promise<void> {
  const settings = await new SiteConfig(context.store).settings();
  const epicTypeIds = settings.epicIssueTypeIds ?? (await context.jira.epicIssueTypeIds());
  const continuations = await Promise.all(
    body.projects.map((project) =>
      reconcileProject(context, { runId: body.runId, project, settings, epicTypeIds }),
    ),
  );
  const next = continuations.filter((cursor): cursor is ProjectCursor => cursor !== null);
  if (next.length > 0) await context.queue.push([{ runId: body.runId, projects: next }]);
}

const quoted = (value: string) => `"${value.replace(/(["\\])/g, '\\$1')}"`;

async function writeContributions(
  context: ReconcileContext,
  changed: readonly EpicContribution[],
): Promise<void> {
  const chunks: EpicContribution[][] = [];
  for (let start = 0; start < changed.length; start += EPICS_PER_TRANSACTION) {
    chunks.push(changed.slice(start, start + EPICS_PER_TRANSACTION));
  }
  await Promise.all(
    chunks.map((chunk) =>
      context.store.transact({
        set: chunk.flatMap((contribution) => [
          {
            key: rollupEpicKey({ project: contribution.project, issueId: contribution.issueId }),
            value: contribution,
          },
          { key: rollupWhereKey({ issueId: contribution.issueId }), value: contribution.project },
        ]),
      }),
    ),
  );
}

/** Epics found here whose contribution is filed under another project (they moved): removed there. */
async function removeMovedFrom(
  context: ReconcileContext,
  project: string,
  fresh: readonly EpicContribution[],
): Promise<void> {
  const now = context.clock.now();
  const wheres = await Promise.all(
    fresh.map(async (contribution) => ({
      issueId: contribution.issueId,
      where: await context.store.get(rollupWhereKey({ issueId: contribution.issueId })),
    })),
  );
  const moved = wheres.filter(
    (entry): entry is { issueId: string; where: string } =>
      typeof entry.where === 'string' && entry.where !== project,
  );
  const projects = new Set(moved.map((entry) => entry.where));
  await Promise.all(
    moved.map((entry) =>
      context.store.delete(rollupEpicKey({ project: entry.where, issueId: entry.issueId })),
    ),
  );
  await Promise.all(
    [...projects].map(async (other) => {
      await context.store.set(rollupDirtyKey({ project: other }), dirtyStamp(now, project));
      await refreshProject(context.store, other, now);
    }),
  );
}

async function reconcileProject(
  context: ReconcileContext,
  input: { runId: string; project: ProjectCursor; settings: AppSettings; epicTypeIds: readonly string[] },
): Promise<ProjectCursor | null> {
  const { runId, project, settings } = input;
  const { store } = context;
  const now = context.clock.now();
  const stored = new Map((await contributionsOf(store, project.key)).map((c) => [c.issueId, c]));
  const seen = new Set<string>();
  let pageToken = project.pageToken;
  if (project.exists && input.epicTypeIds.length > 0) {
    const jql = `project = ${quoted(project.key)} AND issuetype in (${input.epicTypeIds.join(', ')}) ORDER BY key ASC`;
    for (let page = 0; page < PAGES_PER_STEP; page += 1) {
      const found = await context.jira.searchEpics({
        jql,
        ...(pageToken ? { pageToken } : {}),
        pageSize: 100,
      });
      const epics = found.epics.filter(
        (issue) => isEpic(issue, settings) && issue.projectKey === project.key,
      );
      const fresh = epics.map((issue) => contributionOf({ issue, settings }));
      // Every epic's fields, changed or not: the month moves their figures on, and a field write
      // that failed since the last run is repaired here.
      await syncEpicFields(
        context.epicFields,
        epics.map((issue) => ({ issue })),
        settings,
        now,
      );
      await context.onEpicsSeen?.(epics, settings);
      for (const contribution of fresh) seen.add(contribution.issueId);
      const changed = fresh.filter(
        (contribution) => !sameContribution(stored.get(contribution.issueId) ?? null, contribution),
      );
      await removeMovedFrom(
        context,
        project.key,
        fresh.filter((contribution) => !stored.has(contribution.issueId)),
      );
      await writeContributions(context, changed);
      pageToken = found.nextPageToken;
      if (pageToken === undefined) break;
    }
  } else {
    pageToken = undefined;
  }
  const step = project.step ?? 0;
  if (pageToken !== undefined) {
    await store.set(reconcileSeenKey({ runId, project: project.key, step }), [...seen], {
      ttlSeconds: SEEN_TTL_SECONDS,
    });
    return { key: project.key, exists: true, pageToken, step: step + 1 };
  }
  if (step > 0) {
    const earlier = await queryAll(store, reconcileSeenPrefix({ runId, project: project.key }));
    for (const entry of earlier) for (const id of entry.value as string[]) seen.add(id);
    await Promise.all(earlier.map((entry) => store.delete(entry.key)));
  }
  await removeUnseen(
    context,
    project.key,
    [...stored.keys()].filter((issueId) => !seen.has(issueId)),
    settings,
  );
  await store.set(rollupDirtyKey({ project: project.key }), dirtyStamp(now, project.key));
  await refreshProject(store, project.key, now);
  return null;
}

/**
 * Contributions the search did not find: the epic was deleted, moved, or stopped being an epic,
 * or it was created after the search passed it. Jira is asked about each (100 per call): what
 * still is an epic of this project keeps a fresh contribution, the rest is removed.
 */
async function removeUnseen(
  context: ReconcileContext,
  project: string,
  issueIds: readonly string[],
  settings: AppSettings,
): Promise<void> {
  const { store } = context;
  for (let start = 0; start < issueIds.length; start += 100) {
    const ids = issueIds.slice(start, start + 100);
    const found = new Map<string, EpicIssue>(
      (await context.jira.getIssues(ids)).map((issue) => [issue.id, issue]),
    );
    const kept = ids.flatMap((id) => {
      const issue = found.get(id);
      return issue !== undefined && isEpic(issue, settings) && issue.projectKey === project ? [issue] : [];
    });
    const keep = kept.map((issue) => contributionOf({ issue, settings }));
    await syncEpicFields(
      context.epicFields,
      kept.map((issue) => ({ issue })),
      settings,
      context.clock.now(),
    );
    const drop = ids.filter((id) => !keep.some((contribution) => contribution.issueId === id));
    await writeContributions(context, keep);
    await Promise.all(
      drop.map(async (issueId) => {
        await store.delete(rollupEpicKey({ project, issueId }));
        if ((await store.get(rollupWhereKey({ issueId }))) === project)
          await store.delete(rollupWhereKey({ issueId }));
      }),
    );
  }
}
