import type { EpicHistoryPage, HistoryEntry } from '../../contract/panel.contract';
import { queryAll } from '../ports/key-value-store';
import { epicHistoryPrefix } from '../storage-keys';
import { loadEpic } from './load-epic';
import { siteConfigOf, type PanelContext } from './panel-context';

const PAGE_SIZE = 20;

/** Who changed the epic's value record, when and how; newest first, a page at a time. */
export async function getEpicHistory(
  context: PanelContext,
  { issueKey, cursor }: { issueKey: string; cursor?: string | undefined },
): Promise<EpicHistoryPage> {
  const config = siteConfigOf(context);
  const [settings, objectives] = await Promise.all([config.settings(), config.objectives()]);
  // Reading the epic first is the authorisation: only users who may browse it see its history.
  const issue = await loadEpic(context.jira, issueKey, settings);
  const prefix = epicHistoryPrefix({ issueId: issue.id });
  // Keys are zero-padded revisions in ascending order; a history is short (one entry per save),
  // so it is read whole and paged newest-first here.
  // A save writes its entry ahead of the epic's property; an entry above the epic's revision is
  // one whose save failed and could not remove it, so it never happened.
  const latest =
    issue.stored.state === 'stored'
      ? issue.stored.record.revision
      : issue.stored.state === 'none'
        ? 0
        : Number.POSITIVE_INFINITY;
  const all = (await queryAll(context.store, prefix))
    .map((entry) => entry.value as HistoryEntry)
    .filter((entry) => !(entry.revision > latest));
  all.reverse();
  const start = cursor === undefined ? 0 : Number(cursor);
  const entries = all.slice(start, start + PAGE_SIZE);
  return {
    entries,
    nextCursor: start + PAGE_SIZE < all.length ? String(start + PAGE_SIZE) : null,
    objectiveNames: Object.fromEntries(objectives.map((objective) => [objective.id, objective.name])),
  };
}
