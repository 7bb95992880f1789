import type { FrontierInput, FrontierPointView, FrontierView } from '../../contract/planning.contract';
import { efficientFrontier, type FrontierPoint } from '../../domain/planning';
import type { GadgetContext } from '../portfolio/gadget-context';
import { scenarioBasis, scenarioConstraintsOf } from './scenario-basis';
import { conflictView, warningWords } from './scenario-words';

/**
 * Time the whole call may take before the remaining points fall back to the greedy figure, from
 * the start of the call (reads included). Forge ends a resolver call at 25 s
 * (https://developer.atlassian.com/platform/forge/limits-invocation/);
 * one more point's bounded work and the answer must fit in what is left.
 */
export const FRONTIER_DEADLINE_MS = 14_000;
/** The most one point's branch and bound may take (its bounds and heuristics come on top, ~1 s at 20,000 epics). */
export const FRONTIER_POINT_MS = 1_500;

/**
 * The efficient frontier of a scope (issue #16, point 5): for cuts of 0%, 5%, …, 50% of the
 * forecast, the NPV the optimiser retains and the greedy ranking's, under the same pins, objective
 * floors, "blocks" links and per-quarter caps as the budget cut, over the in-flight epics the
 * viewer may browse. Each point says whether it is proven, its gap, or that time ran out; a cut no
 * plan can meet carries its conflicts in words.
 */
export async function getFrontier(context: GadgetContext, input: FrontierInput): Promise<FrontierView> {
  const started = context.clock.now().getTime();
  const basis = await scenarioBasis(context, input);
  const { asOf, settings, inFlight, plans, dependencies, objectiveName, money } = basis;
  const { pins, floors, outsidePinWarnings } = scenarioConstraintsOf(basis, input);
  const frontier = efficientFrontier(
    {
      asOf,
      discountRate: settings.discountRate,
      plans,
      perQuarter: input.perQuarter,
      pins,
      dependencies,
      floors,
    },
    {
      timeLeftMs: () => FRONTIER_DEADLINE_MS - (context.clock.now().getTime() - started),
      perPointMs: FRONTIER_POINT_MS,
    },
  );
  const pointView = (point: FrontierPoint): FrontierPointView => {
    switch (point.status) {
      case 'infeasible':
        return {
          cutPercent: point.cutPercent,
          status: 'infeasible',
          conflicts: point.conflicts.map((conflict) => conflictView(conflict, objectiveName)),
        };
      case 'not-solved':
        return { cutPercent: point.cutPercent, status: 'not-solved' };
      case 'planned':
        return {
          cutPercent: point.cutPercent,
          status: 'planned',
          npvRetained: money(point.retainedNpv),
          greedyNpvRetained: point.greedyNpv === null ? null : money(point.greedyNpv),
          proof: point.quality.kind,
          upperBound: point.quality.kind === 'gap' ? money(point.quality.upperBound) : null,
        };
    }
  };
  return {
    asOf,
    currency: settings.currency,
    epics: inFlight.length,
    currentNpv: frontier.currentNpv === null ? null : money(frontier.currentNpv),
    points: frontier.points.map(pointView),
    warnings: [...outsidePinWarnings, ...frontier.warnings.map(warningWords)],
  };
}
