import { currencyExponentOf } from '../../contract/currencies';
import type { Scope } from '../../contract/gadget.contract';
import type { RankingView } from '../../contract/planning.contract';
import { minorUnits, toDecimalAmount } from '../../domain/money/minor-units';
import { monthOf } from '../ports/clock';
import { AppError } from '../app-error';
import { collectScope, LIVE_SCOPE_LIMIT, type CollectedScope } from '../portfolio/collect-scope';
import type { GadgetContext } from '../portfolio/gadget-context';
import { byCd3Descending, scoreEpic } from './ranking-row';

/**
 * The most rows one answer carries: far under the bridge's payload limit. The totals always
 * cover every in-flight epic of the scope; a longer ranking says how many rows it left out.
 */
export const MAX_RANKING_ROWS = 1000;

/** At most this many unreadable epics are named (the gadget's rule). */
const MAX_UNREADABLE_NAMED = 50;

/** The scope's epics; one too large to read in a request is refused with advice for this page. */
export async function collectRankable(context: GadgetContext, scope: Scope): Promise<CollectedScope> {
  try {
    return await collectScope(context, scope);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'TOO_LARGE') throw error;
    throw new AppError(
      'TOO_LARGE',
      `This scope has more than ${LIVE_SCOPE_LIMIT.toLocaleString('en')} epics, too many to rank in one request. Narrow it to some projects, programmes, objectives or a JQL filter.`,
    );
  }
}

/**
 * Value planning's ranking: every in-flight (not Done) epic of the scope that the viewer may
 * browse, with its remaining NPV, remaining cost, cost of delay and CD3, highest CD3 first, and
 * the stop/continue signal. The epics are read from Jira as the viewer (`context.jira`), so an
 * epic they may not browse is never found and counts in no row and no total.
 */
export async function getRanking(
  context: GadgetContext,
  input: { scope: Scope; asOf?: string | undefined },
): Promise<RankingView> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const { settings, epics, unreadable } = await collectRankable(context, input.scope);
  const currencyExponent = currencyExponentOf(settings.currency) ?? 2;
  const money = (amount: number) => toDecimalAmount({ amount: minorUnits(amount), currencyExponent });
  const inFlight = epics.filter((epic) => epic.status !== 'done');
  const scored = inFlight
    .map((epic) => scoreEpic({ epic, asOf, discountRate: settings.discountRate, currencyExponent }))
    .sort(byCd3Descending);
  let remainingNpv = 0;
  let remainingCost = 0;
  let costOfDelay = 0;
  let notWorthFinishing = 0;
  let notWorthFinishingCost = 0;
  for (const { row, minor } of scored) {
    remainingNpv += minor.remainingNpv;
    remainingCost += minor.remainingCost;
    costOfDelay += minor.costOfDelay;
    if (row.signal.verdict === 'not_worth_finishing') {
      notWorthFinishing += 1;
      notWorthFinishingCost += minor.remainingCost;
    }
  }
  const rows = scored.slice(0, MAX_RANKING_ROWS).map(({ row }, index) => ({ rank: index + 1, ...row }));
  return {
    asOf,
    currency: settings.currency,
    discountRate: settings.discountRate,
    rows,
    totals: {
      epics: scored.length,
      remainingNpv: money(remainingNpv),
      remainingCost: money(remainingCost),
      costOfDelay: money(costOfDelay),
      notWorthFinishing,
      notWorthFinishingCost: money(notWorthFinishingCost),
    },
    doneEpics: epics.length - inFlight.length,
    unreadable: unreadable.slice(0, MAX_UNREADABLE_NAMED),
    ...(scored.length > rows.length ? { truncated: { shown: rows.length, total: scored.length } } : {}),
  };
}
