import type { PortfolioView, Scope } from '../../contract/gadget.contract';
import { currencyExponentOf } from '../../contract/currencies';
import { portfolioReport } from '../../domain/report/portfolio-report';
import { toPlainReport } from '../../domain/report/plain-report';
import { monthOf } from '../ports/clock';
import { portfolioViewOf } from '../rollup/portfolio-view-of';
import { isRollupScope, rollupScopeTotals, type RollupScope } from '../rollup/rollup-scope-totals';
import { mergeScopeTotals, scopeTotalsOfEpics, type ScopeTotals } from '../rollup/scope-totals';
import type { Viewer } from '../rollup/viewer-projects';
import { SiteConfig } from '../site-config';
import { collectScope, type CollectedScope } from './collect-scope';
import type { GadgetContext } from './gadget-context';

/** The engine's report of a collected scope: the very computation `npm run report` runs. */
export function reportOf(collected: CollectedScope, asOf: string) {
  const { settings, objectives, epics } = collected;
  return toPlainReport({
    report: portfolioReport({
      portfolio: {
        settings: { currency: settings.currency, discountRate: settings.discountRate },
        objectives,
        epics,
      },
      currencyExponent: currencyExponentOf(settings.currency) ?? 2,
      asOf,
    }),
  });
}

/** The view of a collected scope: the same function the roll-up store's figures go through. */
export function liveViewOf(collected: CollectedScope, asOf: string): PortfolioView {
  const currencyExponent = currencyExponentOf(collected.settings.currency) ?? 2;
  return {
    ...portfolioViewOf({
      totals: scopeTotalsOfEpics({
        epics: collected.epics,
        currencyExponent,
        unreadable: collected.unreadable,
      }),
      settings: collected.settings,
      objectives: collected.objectives,
      asOf,
    }),
    source: 'live',
  };
}

/** The most projects one live read of stale aggregates takes (the scope schema's own limit). */
const STALE_CHUNK = 100;

async function rollupView(
  context: GadgetContext & { viewer: Viewer },
  scope: RollupScope,
  asOf: string,
): Promise<PortfolioView> {
  const config = new SiteConfig(context.store);
  // Settings, objectives and the viewer's projects are read side by side: one wave of calls.
  const settingsRead = config.settings();
  const [settings, objectives, { totals, stale }] = await Promise.all([
    settingsRead,
    config.objectives(),
    rollupScopeTotals({
      store: context.store,
      viewer: context.viewer,
      scope,
      currency: settingsRead.then((read) => read.currency),
      now: context.clock.now(),
    }),
  ]);
  const parts: ScopeTotals[] = [totals];
  const currencyExponent = currencyExponentOf(settings.currency) ?? 2;
  for (let start = 0; start < stale.length; start += STALE_CHUNK) {
    // An aggregate the reconcile has not caught up with yet: these projects are read live.
    const collected = await collectScope(context, {
      kind: 'projects',
      projects: stale.slice(start, start + STALE_CHUNK),
    });
    parts.push(
      scopeTotalsOfEpics({ epics: collected.epics, currencyExponent, unreadable: collected.unreadable }),
    );
  }
  return {
    ...portfolioViewOf({ totals: mergeScopeTotals(parts), settings, objectives, asOf }),
    source: 'rollup',
  };
}

/**
 * Portfolio KPIs of a scope, with breakdowns by project, programme and objective. The all and
 * projects scopes come from the roll-up store when the viewer is known; the others (and any scope
 * in tests without a viewer) are read live, up to `LIVE_SCOPE_LIMIT` epics.
 */
export async function getPortfolio(
  context: GadgetContext,
  input: { scope: Scope; asOf?: string | undefined },
): Promise<PortfolioView> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const { viewer } = context;
  if (viewer !== undefined && isRollupScope(input.scope)) {
    return rollupView({ ...context, viewer }, input.scope, asOf);
  }
  return liveViewOf(await collectScope(context, input.scope), asOf);
}
