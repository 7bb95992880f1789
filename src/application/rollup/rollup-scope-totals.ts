import type { Scope } from '../../contract/gadget.contract';
import type { KeyValueStore } from '../ports/key-value-store';
import { rollupProjectKey } from '../storage-keys';
import { readAggregate, scopeTotalsOfAggregate } from './project-aggregate';
import { mergeScopeTotals, type ScopeTotals } from './scope-totals';
import { readViewerProjects, type Viewer } from './viewer-projects';

export type RollupScope = Extract<Scope, { kind: 'all' | 'projects' }>;

export function isRollupScope(scope: Scope): scope is RollupScope {
  return scope.kind === 'all' || scope.kind === 'projects';
}

/**
 * A scope's totals from the project aggregates: the viewer's browsable projects (one cached Jira
 * call), intersected with the scope's projects, their aggregates read in batches of 25 side by
 * side (with the viewer cache write), and merged. A project whose aggregate is missing has no
 * epics on file; one whose aggregate is in another currency than the site's (a currency change not
 * yet reconciled) or unreadable is returned in `stale` for the caller to compute live.
 *
 * `currency` is a promise so that the caller's settings read and the viewer lookup go out in the
 * same wave of calls; the aggregates are read once both are in.
 */
export async function rollupScopeTotals(input: {
  store: KeyValueStore;
  viewer: Viewer;
  scope: RollupScope;
  currency: Promise<string>;
  now: Date;
}): Promise<{ totals: ScopeTotals; stale: string[] }> {
  const [browsable, currency] = await Promise.all([
    readViewerProjects(input.store, input.viewer, input.now),
    input.currency,
  ]);
  const allowed = new Set(browsable.projects);
  const projects =
    input.scope.kind === 'all' ? browsable.projects : input.scope.projects.filter((key) => allowed.has(key));
  const unique = [...new Set(projects)];
  const [stored] = await Promise.all([
    input.store.getMany(unique.map((project) => rollupProjectKey({ project }))),
    browsable.cached,
  ]);
  const parts: ScopeTotals[] = [];
  const stale: string[] = [];
  for (const project of unique) {
    const raw = stored.get(rollupProjectKey({ project }));
    if (raw === undefined) continue;
    const aggregate = readAggregate(raw);
    if (
      aggregate?.project !== project ||
      (aggregate.currency !== null && aggregate.currency !== currency) ||
      (aggregate.currency === null && aggregate.epicCount > 0)
    ) {
      stale.push(project);
      continue;
    }
    parts.push(scopeTotalsOfAggregate(aggregate));
  }
  return { totals: mergeScopeTotals(parts), stale };
}
