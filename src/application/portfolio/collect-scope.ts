import type { Scope } from '../../contract/gadget.contract';
import type { AppSettings, StoredObjective } from '../../contract/site-config.schema';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import type { EpicIssue } from '../ports/jira-site';
import { AppError, badRequest } from '../app-error';
import { currentValueOf } from '../epic-value/load-epic';
import { epicRecordOf, isEpic } from '../epic-value/epic-value-view';
import { SiteConfig } from '../site-config';
import type { GadgetContext } from './gadget-context';
import { scopeJql } from './scope-jql';
import { inVisibleScope, visibleScope, type VisibleScope } from './visible-scope';

/**
 * The most epics one invocation pages through live. At 100 per page and ~150 ms a page this stays
 * far inside Forge's 25 s resolver limit; larger scopes come from the roll-up store (all, projects)
 * or are computed a page per call (`gadget/live-page`).
 */
export const LIVE_SCOPE_LIMIT = 5000;

export interface CollectedScope {
  settings: AppSettings;
  objectives: StoredObjective[];
  epics: EpicRecord[];
  /** Keys of the epics that have a value record stored (the others count with an empty one). */
  keysWithRecord: Set<string>;
  /** The revision of each epic's value record (0 without one), for a write that must not lose an update. */
  revisions: Map<string, number>;
  unreadable: { key: string; reason: string }[];
}

/** The epics of one search page as the engine's records; unreadable records are named, not counted. */
export function recordsOfPage(
  issues: readonly EpicIssue[],
  settings: AppSettings,
): Pick<CollectedScope, 'epics' | 'keysWithRecord' | 'revisions' | 'unreadable'> {
  const epics: EpicRecord[] = [];
  const unreadable: CollectedScope['unreadable'] = [];
  const keysWithRecord = new Set<string>();
  const revisions = new Map<string, number>();
  for (const issue of issues) {
    if (!isEpic(issue, settings)) continue;
    try {
      const { value, revision } = currentValueOf(issue, settings.currency);
      epics.push(epicRecordOf(issue, value));
      revisions.set(issue.key, revision);
      if (issue.stored.state === 'stored') keysWithRecord.add(issue.key);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      unreadable.push({ key: issue.key, reason: error.message });
    }
  }
  return { epics, keysWithRecord, revisions, unreadable };
}

/** The epic type ids of the site: the admin's choice, or Jira's hierarchy level 1 types. */
export async function epicTypeIdsOf(context: GadgetContext, settings: AppSettings): Promise<string[]> {
  const epicTypeIds = settings.epicIssueTypeIds ?? (await context.jira.epicIssueTypeIds());
  if (epicTypeIds.length === 0) {
    throw badRequest(
      'This Jira site has no epic issue type. A Jira admin can choose one on the Value Layer admin page.',
    );
  }
  return epicTypeIds;
}

/** A scope ready to be read page by page: the site's settings and the JQL of what the viewer may see. */
export interface OpenedScope {
  settings: AppSettings;
  objectives: StoredObjective[];
  /** Null when nothing of the scope can be visible to the viewer. */
  visible: VisibleScope | null;
  jql: string | null;
}

/** The settings, objectives and search of a scope, narrowed to what the viewer can see. */
export async function openScope(context: GadgetContext, scope: Scope): Promise<OpenedScope> {
  const config = new SiteConfig(context.store);
  const [settings, objectives] = await Promise.all([config.settings(), config.objectives()]);
  const visible = await visibleScope(context, scope);
  if (visible === null) return { settings, objectives, visible, jql: null };
  const jql = scopeJql({ scope: visible.scope, epicTypeIds: await epicTypeIdsOf(context, settings) });
  return { settings, objectives, visible, jql };
}

export type PageRecords = ReturnType<typeof recordsOfPage>;

/**
 * Reads the scope's search pages from `pageToken` on, at most `maxPages` of them, handing each
 * page's records to `onPage`. Answers Jira's token for the next page, or undefined after the last.
 */
export async function readScopePages(
  context: GadgetContext,
  opened: OpenedScope,
  options: { pageToken?: string | undefined; maxPages?: number; onPage: (records: PageRecords) => void },
): Promise<string | undefined> {
  const { visible, jql, settings } = opened;
  if (visible === null || jql === null) return undefined;
  let pageToken = options.pageToken;
  let pages = 0;
  do {
    const page = await context.jira.searchEpics({ jql, ...(pageToken ? { pageToken } : {}) });
    options.onPage(recordsOfPage(inVisibleScope(page.epics, visible), settings));
    pageToken = page.nextPageToken;
    pages += 1;
  } while (pageToken && pages < (options.maxPages ?? Infinity));
  return pageToken || undefined;
}

/** Every epic of the scope the viewer may browse, with its value record. */
export async function collectScope(context: GadgetContext, scope: Scope): Promise<CollectedScope> {
  const opened = await openScope(context, scope);
  const { settings, objectives } = opened;
  const epics: EpicRecord[] = [];
  const unreadable: CollectedScope['unreadable'] = [];
  const keysWithRecord = new Set<string>();
  const revisions = new Map<string, number>();
  await readScopePages(context, opened, {
    onPage: (records) => {
      epics.push(...records.epics);
      unreadable.push(...records.unreadable);
      for (const key of records.keysWithRecord) keysWithRecord.add(key);
      for (const [key, revision] of records.revisions) revisions.set(key, revision);
      if (epics.length + unreadable.length > LIVE_SCOPE_LIMIT) {
        throw new AppError(
          'TOO_LARGE',
          `This scope has more than ${LIVE_SCOPE_LIMIT.toLocaleString('en')} epics, too many to read in one request. Narrow it to some projects, or let the gadget compute it page by page (gadget/live-page).`,
        );
      }
    },
  });
  return { settings, objectives, epics, keysWithRecord, revisions, unreadable };
}
