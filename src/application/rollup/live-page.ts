import type { LivePage, PortfolioView, Scope } from '../../contract/gadget.contract';
import { currencyExponentOf } from '../../contract/currencies';
import { mergeTotals } from '../../domain/totals/merge-totals';
import type { ValueTotals } from '../../domain/totals/value-totals';
import { badRequest } from '../app-error';
import { monthOf } from '../ports/clock';
import { queryAll } from '../ports/key-value-store';
import { epicTypeIdsOf, recordsOfPage } from '../portfolio/collect-scope';
import type { GadgetContext } from '../portfolio/gadget-context';
import { scopeJql } from '../portfolio/scope-jql';
import { inVisibleScope, visibleScope } from '../portfolio/visible-scope';
import { SiteConfig } from '../site-config';
import { liveGroupKey, liveGroupPrefix, liveStateKey } from '../storage-keys';
import { portfolioViewOf } from './portfolio-view-of';
import {
  namedUnreadable,
  NO_PROGRAMME,
  scopeTotalsOfEpics,
  type ScopeTotals,
  type UnreadableEpic,
} from './scope-totals';

/** Search pages (100 epics each) per call: ~0.5 s of Jira time, so the progress bar moves often. */
export const LIVE_PAGES_PER_CALL = 2;
/** A computation left alone this long is forgotten (its keys expire). */
export const LIVE_SESSION_TTL_SECONDS = 3600;

interface LiveState {
  accountId: string;
  scope: string;
  asOf: string;
  currency: string;
  /** Pages applied so far; group keys record the last page applied to them. */
  pages: number;
  pageToken: string | null;
  processed: number;
  done: boolean;
  unreadable: UnreadableEpic[];
  unreadableCount: number;
}

interface LiveGroup {
  group: string;
  /** The last page whose totals are in `totals`: a page retried after a failure is not added twice. */
  page: number;
  totals: ValueTotals;
}

type GroupKind = 'project' | 'programme';

/** `(none)` is not a valid storage key; every other group is a project or issue key. */
const safeGroup = (group: string) => (group === NO_PROGRAMME ? '-none' : group);

export interface LiveContext extends GadgetContext {
  accountId: string;
  /** A new unguessable id for a computation. */
  newId(): string;
}

/**
 * Computes a scope of any size from its epics, a bounded page per call, for scopes the roll-up
 * store cannot answer (JQL, objectives, programmes). Each call reads `LIVE_PAGES_PER_CALL` search
 * pages as the viewer (their Browse permission applies) and adds the page's totals to partial
 * totals kept in storage, one key per project and per programme, so none outgrows Forge's value
 * limit. A call that fails can be repeated with the same cursor: a group records the last page
 * added to it and skips a page it already has. The last call answers the whole view, computed by
 * the same function as every other path.
 */
export async function livePage(
  context: LiveContext,
  input: { scope: Scope; asOf?: string | undefined; cursor?: string | undefined },
): Promise<LivePage> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const scopeText = JSON.stringify(input.scope);
  const config = new SiteConfig(context.store);
  const settings = await config.settings();
  const sessionId = input.cursor ?? context.newId();
  const stateKey = liveStateKey({ sessionId });
  let state: LiveState;
  if (input.cursor === undefined) {
    state = {
      accountId: context.accountId,
      scope: scopeText,
      asOf,
      currency: settings.currency,
      pages: 0,
      pageToken: null,
      processed: 0,
      done: false,
      unreadable: [],
      unreadableCount: 0,
    };
  } else {
    const stored = (await context.store.get(stateKey)) as LiveState | undefined;
    if (stored?.accountId !== context.accountId || stored.scope !== scopeText || stored.asOf !== asOf) {
      throw badRequest('This computation has expired or belongs to another scope. Start it again.');
    }
    if (stored.currency !== settings.currency) {
      throw badRequest('The site currency changed during this computation. Start it again.');
    }
    state = stored;
  }

  const visible = state.done ? null : await visibleScope(context, input.scope);
  if (visible === null && !state.done) {
    state = { ...state, done: true };
    await context.store.set(stateKey, state, { ttlSeconds: LIVE_SESSION_TTL_SECONDS });
  }
  if (visible !== null && !state.done) {
    const jql = scopeJql({ scope: visible.scope, epicTypeIds: await epicTypeIdsOf(context, settings) });
    const currencyExponent = currencyExponentOf(settings.currency) ?? 2;
    for (let call = 0; call < LIVE_PAGES_PER_CALL && !state.done; call += 1) {
      const page = await context.jira.searchEpics({
        jql,
        ...(state.pageToken === null ? {} : { pageToken: state.pageToken }),
      });
      const records = recordsOfPage(inVisibleScope(page.epics, visible), settings);
      const pageNumber = state.pages + 1;
      await addPage(
        context,
        sessionId,
        pageNumber,
        scopeTotalsOfEpics({ epics: records.epics, currencyExponent }),
      );
      state = {
        ...state,
        pages: pageNumber,
        pageToken: page.nextPageToken ?? null,
        processed: state.processed + records.epics.length + records.unreadable.length,
        done: page.nextPageToken === undefined,
        unreadable: namedUnreadable([...state.unreadable, ...records.unreadable]),
        unreadableCount: state.unreadableCount + records.unreadable.length,
      };
      await context.store.set(stateKey, state, { ttlSeconds: LIVE_SESSION_TTL_SECONDS });
    }
  }
  if (!state.done) return { processed: state.processed, nextCursor: sessionId };
  return { processed: state.processed, nextCursor: null, view: await finalView(context, sessionId, state) };
}

async function addPage(
  context: LiveContext,
  sessionId: string,
  page: number,
  totals: ScopeTotals,
): Promise<void> {
  const groups: { kind: GroupKind; group: string; totals: ValueTotals }[] = [
    ...Object.entries(totals.byProject).map(([group, value]) => ({
      kind: 'project' as const,
      group,
      totals: value,
    })),
    ...Object.entries(totals.byProgramme).map(([group, value]) => ({
      kind: 'programme' as const,
      group,
      totals: value,
    })),
  ];
  const keys = groups.map(({ kind, group }) => liveGroupKey({ sessionId, kind, group: safeGroup(group) }));
  const stored = await context.store.getMany(keys);
  await Promise.all(
    groups.map(async ({ group, totals: pageTotals }, index) => {
      const key = keys[index] ?? '';
      const before = stored.get(key) as LiveGroup | undefined;
      if (before !== undefined && before.page >= page) return;
      const next: LiveGroup = {
        group,
        page,
        totals: before === undefined ? pageTotals : mergeTotals(before.totals, pageTotals),
      };
      await context.store.set(key, next, { ttlSeconds: LIVE_SESSION_TTL_SECONDS });
    }),
  );
}

async function finalView(context: LiveContext, sessionId: string, state: LiveState): Promise<PortfolioView> {
  const config = new SiteConfig(context.store);
  const [settings, objectives, projects, programmes] = await Promise.all([
    config.settings(),
    config.objectives(),
    queryAll(context.store, liveGroupPrefix({ sessionId, kind: 'project' })),
    queryAll(context.store, liveGroupPrefix({ sessionId, kind: 'programme' })),
  ]);
  const groups = (entries: { value: unknown }[]) =>
    Object.fromEntries(
      entries.map((entry) => {
        const group = entry.value as LiveGroup;
        return [group.group, group.totals];
      }),
    );
  return {
    ...portfolioViewOf({
      totals: {
        byProject: groups(projects),
        byProgramme: groups(programmes),
        unreadable: state.unreadable,
        unreadableCount: state.unreadableCount,
      },
      settings,
      objectives,
      asOf: state.asOf,
    }),
    source: 'live',
  };
}
