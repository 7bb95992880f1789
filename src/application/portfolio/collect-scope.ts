import type { Scope } from '../../contract/gadget.contract';
import type { AppSettings, StoredObjective } from '../../contract/site-config.schema';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { AppError, badRequest } from '../app-error';
import { currentValueOf } from '../epic-value/load-epic';
import { epicRecordOf, isEpic } from '../epic-value/epic-value-view';
import { SiteConfig } from '../site-config';
import type { GadgetContext } from './gadget-context';
import { scopeJql } from './scope-jql';

/**
 * The most epics one invocation pages through live. At 100 per page and ~150 ms a page this stays
 * far inside Forge's 25 s resolver limit; larger scopes need the roll-up store.
 */
export const LIVE_SCOPE_LIMIT = 5000;

export interface CollectedScope {
  settings: AppSettings;
  objectives: StoredObjective[];
  epics: EpicRecord[];
  /** Keys of the epics that have a value record stored (the others count with an empty one). */
  keysWithRecord: Set<string>;
  unreadable: { key: string; reason: string }[];
}

/** Every epic of the scope the viewer may browse, with its value record. */
export async function collectScope(context: GadgetContext, scope: Scope): Promise<CollectedScope> {
  const config = new SiteConfig(context.store);
  const [settings, objectives] = await Promise.all([config.settings(), config.objectives()]);
  const epicTypeIds = settings.epicIssueTypeIds ?? (await context.jira.epicIssueTypeIds());
  if (epicTypeIds.length === 0) {
    throw badRequest(
      'This Jira site has no epic issue type. A Jira admin can choose one on the Value Layer admin page.',
    );
  }
  const jql = scopeJql({ scope, epicTypeIds });
  const epics: EpicRecord[] = [];
  const unreadable: CollectedScope['unreadable'] = [];
  const keysWithRecord = new Set<string>();
  let pageToken: string | undefined;
  do {
    const page = await context.jira.searchEpics({ jql, ...(pageToken ? { pageToken } : {}) });
    for (const issue of page.epics) {
      if (!isEpic(issue, settings)) continue;
      try {
        const { value } = currentValueOf(issue, settings.currency);
        epics.push(epicRecordOf(issue, value));
        if (issue.stored.state === 'stored') keysWithRecord.add(issue.key);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        unreadable.push({ key: issue.key, reason: error.message });
      }
    }
    if (epics.length + unreadable.length > LIVE_SCOPE_LIMIT) {
      throw new AppError(
        'TOO_LARGE',
        `This scope has more than ${LIVE_SCOPE_LIMIT.toLocaleString('en')} epics. Narrow it to some projects or programmes.`,
      );
    }
    pageToken = page.nextPageToken;
  } while (pageToken);
  return { settings, objectives, epics, keysWithRecord, unreadable };
}
