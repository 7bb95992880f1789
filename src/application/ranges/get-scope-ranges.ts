import type { Scope } from '../../contract/gadget.contract';
import type { AppSettings } from '../../contract/site-config.schema';
import type { Objective } from '../../domain/model/objective';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { currencyExponentOf } from '../../contract/currencies';
import {
  DEFAULT_RANGE_DRAWS,
  MAX_FAN_POINTS,
  MIN_RANGE_DRAWS,
  MAX_RANGE_EPIC_DRAWS,
  type ObjectiveChanceReason,
  type RangeFiguresView,
  type RangesView,
  type ScopeRangesView,
} from '../../contract/ranges.contract';
import { epicFromRecord } from '../../domain/model/epic-from-record';
import { objectiveFromRecord } from '../../domain/model/objective-from-record';
import { toDecimalAmount, type CurrencyExponent, type MinorUnits } from '../../domain/money/minor-units';
import {
  defaultSpreadCounts,
  fanMonths,
  fanOf,
  fanScopes,
  portfolioRangeScopes,
  scopeRangesOf,
  simulateRangeDraws,
  type RangeFigures,
  type RangeObjective,
  type RangeScope,
  type ScopeRanges,
} from '../../domain/ranges';
import { monthIndexOf, yearMonthOf, type YearMonth } from '../../domain/time/year-month';
import { AppError, badRequest } from '../app-error';
import { monthOf } from '../ports/clock';
import { collectScope, LIVE_SCOPE_LIMIT } from '../portfolio/collect-scope';
import type { GadgetContext } from '../portfolio/gadget-context';

/** How far after as-of the horizon may be: ten years. */
const MAX_HORIZON_MONTHS = 120;
const DEFAULT_HORIZON_MONTHS = 12;

/**
 * The seed of a scope when the caller names none: FNV-1a (32 bit) of the scope as JSON, so the
 * same gadget shows the same figures on every load and to every viewer of the same epics.
 */
export function defaultSeedOf(scope: Scope): number {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(scope)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function horizonOf(asOf: YearMonth, horizon: YearMonth | undefined): YearMonth {
  if (horizon === undefined) return yearMonthOf(monthIndexOf(asOf) + DEFAULT_HORIZON_MONTHS);
  const months = monthIndexOf(horizon) - monthIndexOf(asOf);
  if (months < 0 || months > MAX_HORIZON_MONTHS) {
    throw badRequest('The horizon must be a month from the as-of month to ten years after it.', [
      { path: 'horizon', message: 'must be from the as-of month to 120 months after it' },
    ]);
  }
  return horizon;
}

function figuresView(figures: RangeFigures, currencyExponent: CurrencyExponent): RangeFiguresView {
  const decimal = (amount: RangeFigures['p10']) => toDecimalAmount({ amount, currencyExponent });
  return { p10: decimal(figures.p10), p50: decimal(figures.p50), p90: decimal(figures.p90) };
}

function scopeView(
  ranges: ScopeRanges,
  scope: RangeScope,
  currencyExponent: CurrencyExponent,
): ScopeRangesView {
  return {
    epics: scope.members.length,
    npv: figuresView(ranges.npv, currencyExponent),
    benefitByHorizon: figuresView(ranges.benefitByHorizon, currencyExponent),
    totalCost: figuresView(ranges.totalCost, currencyExponent),
    probabilityNpvBelowZero: ranges.probabilityNpvBelowZero,
  };
}

/** What `rangesViewOf` simulates: a scope's epics and objectives as documents, and the options. */
export interface RangesRequest {
  settings: Pick<AppSettings, 'currency' | 'discountRate'>;
  objectives: readonly Objective<number>[];
  epics: readonly EpicRecord[];
  asOf: YearMonth;
  horizon?: YearMonth | undefined;
  draws?: number | undefined;
  seed: number;
  correlation?: number | undefined;
}

/**
 * Risk ranges of a set of epics (docs/kpis.md, "Risk ranges"): P10 / P50 / P90 of NPV, benefit
 * by the horizon and total cost for the whole set and each of its projects, programmes and active
 * objectives, P(NPV < 0), each objective's probability of reaching its target, and the fan of
 * cumulative benefit from as-of to the horizon. Pure: the same request gives the same answer.
 * Shared by the gadget (`getScopeRanges`) and `npm run report -- --ranges`.
 */
export function rangesViewOf(request: RangesRequest): Omit<RangesView, 'unreadable'> {
  const { settings, asOf, seed } = request;
  const horizon = horizonOf(asOf, request.horizon);
  const draws = request.draws ?? DEFAULT_RANGE_DRAWS;
  const correlation = request.correlation ?? 0;
  const currencyExponent = currencyExponentOf(settings.currency) ?? 2;
  const epics = request.epics.map((epic) => epicFromRecord({ epic, currencyExponent }));
  const activeRecords = request.objectives.filter((objective) => objective.status === 'active');
  const objectives = activeRecords.map((record) =>
    objectiveFromRecord({ objective: record, currencyExponent }),
  );
  const reasonOf = new Map(activeRecords.map((record) => [record.id, chanceReasonOf(record)]));
  const rangeObjectives: RangeObjective[] = objectives.map((objective) => ({
    id: objective.id,
    target:
      objective.target === null || objective.target === undefined
        ? null
        : { amount: objective.target.amount, month: objective.target.date.slice(0, 7) },
  }));
  const scopes = portfolioRangeScopes({ epics, objectives: rangeObjectives });
  const [portfolioScope] = scopes;
  if (portfolioScope === undefined)
    throw new Error('portfolioRangeScopes always answers the portfolio first');
  const months = fanMonths(asOf, horizon, MAX_FAN_POINTS);
  const simulated = simulateRangeDraws({
    epics,
    rangesByEpic: new Map(),
    scopes: [...scopes, ...fanScopes(portfolioScope, months)],
    asOf,
    horizon,
    discountRate: settings.discountRate,
    draws,
    seed,
    correlation,
  });
  const group = (prefix: string) =>
    Object.fromEntries(
      scopes.flatMap((scope, index) => {
        const scopeDraws = simulated[index];
        if (!scope.id.startsWith(prefix) || scopeDraws === undefined) return [];
        return [
          [
            scope.id.slice(prefix.length),
            scopeView(scopeRangesOf(scopeDraws, null), scope, currencyExponent),
          ],
        ];
      }),
    );
  const decimal = (amount: MinorUnits) => toDecimalAmount({ amount, currencyExponent });
  const objectiveIndex = (id: string) => scopes.findIndex((scope) => scope.id === `objective:${id}`);
  return {
    asOf,
    horizon,
    currency: settings.currency,
    seed,
    draws,
    correlation,
    distribution: 'triangular',
    percentileMethod: 'nearest-rank',
    portfolio: scopeView(
      scopeRangesOf(simulated[0] ?? emptyDraws('portfolio'), null),
      portfolioScope,
      currencyExponent,
    ),
    byProject: group('project:'),
    byProgramme: group('programme:'),
    byObjective: Object.fromEntries(
      objectives.flatMap((objective) => {
        const index = objectiveIndex(objective.id);
        const scope = scopes[index];
        const scopeDraws = simulated[index];
        if (scope === undefined || scopeDraws === undefined) return [];
        const target = objective.target ?? null;
        const ranges = scopeRangesOf(scopeDraws, target === null ? null : target.amount);
        return [
          [
            objective.id,
            {
              ...scopeView(ranges, scope, currencyExponent),
              name: objective.name,
              target: target === null ? null : { amount: decimal(target.amount), date: target.date },
              probabilityTargetReached: ranges.probabilityTargetReached,
              probabilityReason:
                ranges.probabilityTargetReached === null ? (reasonOf.get(objective.id) ?? 'NO_TARGET') : null,
            },
          ],
        ];
      }),
    ),
    fan: fanOf({ draws: simulated, epics, scope: portfolioScope, months, asOf }).map((point) => ({
      month: point.month,
      plan: decimal(point.plan),
      ...figuresView(point, currencyExponent),
    })),
    defaultSpreads: defaultSpreadCounts({ epics, asOf }),
  };
}

/**
 * Why an active objective gets no chance of reaching its target: none is set, or the stored
 * date has no real month (`objectiveFromRecord` then leaves the target out).
 */
function chanceReasonOf(record: Objective<number>): ObjectiveChanceReason {
  const target = record.target ?? null;
  return target === null ? 'NO_TARGET' : 'TARGET_DATE_UNREADABLE';
}

/**
 * Risk ranges of a gadget scope (issue #17): the epics the viewer may browse (read as the gadget
 * reads a live scope, `collectScope`), simulated `draws` times from `seed` (see `rangesViewOf`).
 * The seed defaults to one derived from the scope and is part of the answer.
 *
 * A call is bounded to `MAX_RANGE_EPIC_DRAWS` epic-draws, so that reading up to 5,000 epics and
 * simulating them stays far inside the 25 s resolver limit: without `draws` a scope too large for
 * 2,000 gets fewer (at least `MIN_RANGE_DRAWS`); a scope too large even for those, or an explicit
 * `draws` over the bound, is refused with TOO_LARGE naming what to do. A scope of more epics than
 * one request reads is refused with TOO_LARGE too: `startRangesJob` computes it in the background.
 */
export async function getScopeRanges(
  context: GadgetContext,
  input: {
    scope: Scope;
    asOf?: string | undefined;
    draws?: number | undefined;
    seed?: number | undefined;
    horizon?: string | undefined;
    correlation?: number | undefined;
  },
  limits: { maxEpicDraws: number } = { maxEpicDraws: MAX_RANGE_EPIC_DRAWS },
): Promise<RangesView> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const horizon = horizonOf(asOf, input.horizon);
  const collected = await collectScope(context, input.scope).catch((error: unknown) => {
    if (!(error instanceof AppError && error.code === 'TOO_LARGE')) throw error;
    throw new AppError(
      'TOO_LARGE',
      `This scope has more than ${LIVE_SCOPE_LIMIT.toLocaleString('en')} epics, too many to read in one request. Its risk ranges can be computed in the background.`,
    );
  });
  const draws = drawsFor(collected.epics.length, input.draws, limits.maxEpicDraws, 'request');
  return {
    ...rangesViewOf({
      settings: collected.settings,
      objectives: collected.objectives,
      epics: collected.epics,
      asOf,
      horizon,
      draws,
      seed: input.seed ?? defaultSeedOf(input.scope),
      correlation: input.correlation,
    }),
    unreadable: collected.unreadable.slice(0, 50),
  };
}

/**
 * The draws a simulation of `epics` makes within `maxEpicDraws` epic-draws: those asked for, or
 * without, 2,000 or fewer for a large scope (at least `MIN_RANGE_DRAWS`; named in the answer).
 * Refused with TOO_LARGE, saying what to do, when even those do not fit or the count asked for
 * does not; `run` names what is bounded (one request, or one job).
 */
export function drawsFor(
  epics: number,
  asked: number | undefined,
  maxEpicDraws: number,
  run: 'request' | 'job',
): number {
  const epicCount = Math.max(1, epics);
  const fitting = Math.floor(maxEpicDraws / epicCount);
  const draws = asked ?? Math.min(DEFAULT_RANGE_DRAWS, fitting);
  if (draws < MIN_RANGE_DRAWS || epicCount * draws > maxEpicDraws) {
    throw new AppError(
      'TOO_LARGE',
      fitting >= MIN_RANGE_DRAWS
        ? `This scope has ${epicCount.toLocaleString('en')} epics, too many for ${draws.toLocaleString('en')} draws in one ${run}. Ask for at most ${fitting.toLocaleString('en')} draws, or narrow the scope to some projects.`
        : `This scope has ${epicCount.toLocaleString('en')} epics, too many to simulate in one ${run}. Narrow the gadget's scope to some projects to see its risk ranges.`,
    );
  }
  return draws;
}

function emptyDraws(scopeId: string) {
  const zero = new Float64Array([0]);
  return { scopeId, npv: zero, benefitByHorizon: zero, totalCost: zero, benefitByTarget: null };
}
