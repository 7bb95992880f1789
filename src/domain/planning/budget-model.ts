import { roundHalfEven } from '../money/round-half-even';
import { weighMinorUnits } from '../money/weighted-amount';
import { isYearMonth, monthIndexOf, yearMonthOf } from '../time/year-month';
import {
  chainTo,
  dependencyCycles,
  dependencyGraph,
  levelBounds,
  type DependencyGraph,
} from './dependency-graph';
import { presentValueOfRemaining } from './remaining-npv';
import type { BudgetCutScenario, Choice, Conflict, ConstraintRef, Pin, PlanningWarning } from './scenario';

export const DEFAULT_WINDOW_MONTHS = 12;
export const DEFAULT_DELAYS: readonly number[] = [3, 6, 12];
export const DEFAULT_MAX_ITERATIONS = 20_000;

/**
 * A scenario reduced to numbers: per epic e and level l (0 = continue, then each delay in
 * ascending order, last = stop) its retained NPV and its spend per cap period, and per floor its
 * funding. Flat typed arrays indexed `e * levels + l` (and `(e * levels + l) * periods + p`), so
 * 20,000 epics stay a few megabytes.
 */
export interface BudgetModel {
  readonly keys: readonly string[];
  readonly choices: readonly Choice[];
  /** Number of levels (choices). */
  readonly levels: number;
  readonly value: Float64Array;
  readonly spend: Float64Array;
  readonly windowSpend: Float64Array;
  readonly funding: Float64Array;
  readonly periods: readonly { readonly from: string; readonly to: string }[];
  readonly forecast: readonly number[];
  readonly caps: readonly number[];
  readonly floorIds: readonly string[];
  readonly floors: readonly number[];
  readonly graph: DependencyGraph;
  /** Lowest and highest level each epic may take (pins, spread along the links). */
  readonly minLevel: Int32Array;
  readonly maxLevel: Int32Array;
  readonly pins: ReadonlyMap<number, Pin>;
  readonly maxIterations: number;
  /** Milliseconds yalps's branch and bound may take; Infinity for no bound. */
  readonly solverTimeoutMs: number;
}

export type ModelOutcome =
  | { readonly ok: true; readonly model: BudgetModel; readonly warnings: readonly PlanningWarning[] }
  | {
      readonly ok: false;
      readonly conflicts: readonly Conflict[];
      readonly warnings: readonly PlanningWarning[];
    };

const isCount = (value: unknown, low: number, high: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;
const isMoney = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const isPercent = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const invalid = (field: string, message: string): Conflict => ({
  code: 'INVALID_INPUT',
  message,
  constraints: [{ kind: 'field', field }],
});

function checkPercent(field: string, percent: unknown, conflicts: Conflict[]): void {
  if (!isPercent(percent) || percent < 0) {
    conflicts.push(invalid(field, `${field} must be a percentage from 0 to 100.`));
  } else if (percent > 100) {
    conflicts.push({
      code: 'CUT_OVER_100_PERCENT',
      message: `${field} is ${percent}%: more than everything can be cut.`,
      constraints: [{ kind: 'field', field }],
    });
  }
}

function checkAmount(field: string, amount: unknown, conflicts: Conflict[]): void {
  if (!isMoney(amount)) {
    conflicts.push(invalid(field, `${field} must be a whole number of minor units.`));
  } else if (amount < 0) {
    conflicts.push({
      code: 'NEGATIVE_BUDGET',
      message: `${field} is negative: no plan can spend less than nothing.`,
      constraints: [{ kind: 'field', field }],
    });
  }
}

/** The scalar fields of a scenario, checked before anything is computed from them. */
function checkScalars(scenario: BudgetCutScenario, periodCount: number): Conflict[] {
  const conflicts: Conflict[] = [];
  const { cap } = scenario;
  if (typeof scenario.asOf !== 'string' || !isYearMonth(scenario.asOf)) {
    conflicts.push(invalid('asOf', 'asOf must be a month YYYY-MM.'));
  }
  if (!isPercent(scenario.discountRate) || scenario.discountRate < 0 || scenario.discountRate > 1) {
    conflicts.push(invalid('discountRate', 'discountRate must be an annual rate from 0 to 1 (0.08 for 8%).'));
  }
  if (scenario.windowMonths !== undefined && !isCount(scenario.windowMonths, 1, 1200)) {
    conflicts.push(invalid('windowMonths', 'windowMonths must be a whole number of months from 1 to 1200.'));
  }
  if (scenario.delays !== undefined && !scenario.delays.every((delay) => isCount(delay, 1, 120))) {
    conflicts.push(invalid('delays', 'delays must be whole numbers of months from 1 to 120.'));
  }
  if (scenario.maxIterations !== undefined && !isCount(scenario.maxIterations, 1, 10_000_000)) {
    conflicts.push(invalid('maxIterations', 'maxIterations must be a whole number from 1 to 10,000,000.'));
  }
  if (scenario.solverTimeoutMs !== undefined && !isCount(scenario.solverTimeoutMs, 1, 3_600_000)) {
    conflicts.push(
      invalid(
        'solverTimeoutMs',
        'solverTimeoutMs must be a whole number of milliseconds from 1 to 3,600,000.',
      ),
    );
  }
  switch (cap.kind) {
    case 'amount':
      checkAmount('cap.amount', cap.amount, conflicts);
      break;
    case 'cut':
    case 'cut-per-quarter':
      checkPercent('cap.percent', cap.percent, conflicts);
      break;
    case 'amount-per-quarter':
      if (cap.amounts.length !== periodCount) {
        conflicts.push(
          invalid(
            'cap.amounts',
            `cap.amounts must hold one amount per quarter of the window (${periodCount}).`,
          ),
        );
      }
      cap.amounts.forEach((amount, position) => {
        checkAmount(`cap.amounts[${position}]`, amount, conflicts);
      });
      break;
  }
  (scenario.floors ?? []).forEach((floor, position) => {
    if (floor.kind === 'amount') {
      checkAmount(`floors[${position}].amount`, floor.amount, conflicts);
    } else {
      checkPercent(`floors[${position}].percent`, floor.percent, conflicts);
    }
  });
  return conflicts;
}

function periodsOf(windowMonths: number, perQuarter: boolean): [number, number][] {
  if (!perQuarter) {
    return [[1, windowMonths]];
  }
  const periods: [number, number][] = [];
  for (let start = 1; start <= windowMonths; start += 3) {
    periods.push([start, Math.min(start + 2, windowMonths)]);
  }
  return periods;
}

function choicesOf(delays: readonly number[]): Choice[] {
  const sorted = [...new Set(delays)].sort((a, b) => a - b);
  return [
    { kind: 'continue' },
    ...sorted.map((months): Choice => ({ kind: 'delay', months })),
    { kind: 'stop' },
  ];
}

interface Indexed {
  readonly index: ReadonlyMap<string, number>;
  readonly warnings: PlanningWarning[];
}

function indexPlans(scenario: BudgetCutScenario): Indexed {
  const index = new Map<string, number>();
  const warnings: PlanningWarning[] = [];
  scenario.plans.forEach((plan, position) => {
    if (index.has(plan.key)) {
      warnings.push({ code: 'DUPLICATE_EPIC', key: plan.key });
    } else {
      index.set(plan.key, position);
    }
  });
  return { index, warnings };
}

/**
 * Checks a scenario and reduces it to a `BudgetModel`, or names every conflict that makes it
 * impossible before any search: bad fields, a cut over 100%, a negative budget, pins that
 * contradict each other or the links, pins that alone exceed a cap, floors no plan can reach.
 * Never throws on user input.
 */
export function budgetModel(scenario: BudgetCutScenario): ModelOutcome {
  const windowMonths = isCount(scenario.windowMonths, 1, 1200)
    ? scenario.windowMonths
    : DEFAULT_WINDOW_MONTHS;
  const perQuarter = scenario.cap.kind === 'amount-per-quarter' || scenario.cap.kind === 'cut-per-quarter';
  const periodBounds = periodsOf(windowMonths, perQuarter);
  const { index, warnings } = indexPlans(scenario);
  const scalarConflicts = checkScalars(scenario, periodBounds.length);
  if (scalarConflicts.length > 0) {
    return { ok: false, conflicts: scalarConflicts, warnings };
  }
  const keys = [...index.keys()];
  const plans = keys.map((key) => scenario.plans[index.get(key) as number]);
  const choices = choicesOf(scenario.delays ?? DEFAULT_DELAYS);
  const levels = choices.length;
  const size = keys.length;
  const periodCount = periodBounds.length;
  const floorList = scenario.floors ?? [];
  const floorCount = floorList.length;
  const value = new Float64Array(size * levels);
  const spend = new Float64Array(size * levels * periodCount);
  const windowSpend = new Float64Array(size * levels);
  const funding = new Float64Array(size * levels * floorCount);
  plans.forEach((plan, epic) => {
    if (plan === undefined) {
      return;
    }
    const shares = floorList.map((floor) =>
      Math.round((plan.objectives.find((link) => link.id === floor.objectiveId)?.share ?? 0) * 1_000_000),
    );
    choices.forEach((choice, level) => {
      if (choice.kind === 'stop') {
        return;
      }
      const delay = choice.kind === 'delay' ? choice.months : 0;
      const cell = epic * levels + level;
      value[cell] = roundHalfEven(presentValueOfRemaining(plan, scenario.discountRate, delay));
      let total = 0;
      periodBounds.forEach(([start, end], period) => {
        let sum = 0;
        for (let month = Math.max(start, delay + 1); month <= end; month += 1) {
          sum += plan.cost[month - 1 - delay] ?? 0;
        }
        spend[cell * periodCount + period] = sum;
        total += sum;
      });
      windowSpend[cell] = total;
      shares.forEach((micros, floor) => {
        funding[cell * floorCount + floor] = weighMinorUnits(total, Math.min(Math.max(micros, 0), 1_000_000));
      });
    });
  });
  const asOfIndex = monthIndexOf(scenario.asOf);
  const periods = periodBounds.map(([start, end]) => ({
    from: yearMonthOf(asOfIndex + start),
    to: yearMonthOf(asOfIndex + end),
  }));
  const forecast = periodBounds.map((_, period) => {
    let sum = 0;
    for (let epic = 0; epic < size; epic += 1) {
      sum += spend[epic * levels * periodCount + period] ?? 0;
    }
    return sum;
  });
  const caps = capsOf(scenario, forecast);
  const floors = floorList.map((floor, position) => {
    if (floor.kind === 'amount') {
      return floor.amount;
    }
    let forecastFunding = 0;
    for (let epic = 0; epic < size; epic += 1) {
      forecastFunding += funding[epic * levels * floorCount + position] ?? 0;
    }
    return Math.ceil((forecastFunding * floor.percent) / 100 - 1e-9);
  });

  const edges: [number, number][] = [];
  for (const { blocker, blocked } of scenario.dependencies ?? []) {
    const from = index.get(blocker);
    const to = index.get(blocked);
    if (from === undefined) {
      warnings.push({ code: 'UNKNOWN_EPIC', key: blocker, field: 'dependencies' });
    } else if (to === undefined) {
      warnings.push({ code: 'UNKNOWN_EPIC', key: blocked, field: 'dependencies' });
    } else {
      edges.push([from, to]);
    }
  }
  const graph = dependencyGraph(size, edges);
  for (const cycle of dependencyCycles(graph)) {
    warnings.push({ code: 'DEPENDENCY_CYCLE', keys: cycle.map((epic) => keys[epic] ?? '') });
  }

  const conflicts: Conflict[] = [];
  const pins = pinsOf(scenario, index, warnings, conflicts);
  const pinnedStop = [...pins].filter(([, pin]) => pin === 'stop').map(([epic]) => epic);
  const pinnedContinue = [...pins].filter(([, pin]) => pin === 'continue').map(([epic]) => epic);
  const bounds = levelBounds(graph, levels - 1, pinnedStop, pinnedContinue);
  conflicts.push(...pinDependencyConflicts(bounds, keys));
  if (conflicts.length > 0) {
    return { ok: false, conflicts, warnings };
  }
  const model: BudgetModel = {
    keys,
    choices,
    levels,
    value,
    spend,
    windowSpend,
    funding,
    periods,
    forecast,
    caps,
    floorIds: floorList.map((floor) => floor.objectiveId),
    floors,
    graph,
    minLevel: bounds.min,
    maxLevel: bounds.max,
    pins,
    maxIterations: scenario.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    solverTimeoutMs: scenario.solverTimeoutMs ?? Infinity,
  };
  const reachConflicts = [...capConflicts(model, bounds.loweredBy), ...floorConflicts(model)];
  return reachConflicts.length > 0
    ? { ok: false, conflicts: reachConflicts, warnings }
    : { ok: true, model, warnings };
}

function capsOf(scenario: BudgetCutScenario, forecast: readonly number[]): number[] {
  const { cap } = scenario;
  const cut = (amount: number, percent: number) => Math.floor((amount * (100 - percent)) / 100 + 1e-9);
  switch (cap.kind) {
    case 'amount':
      return [cap.amount];
    case 'amount-per-quarter':
      return [...cap.amounts];
    case 'cut':
    case 'cut-per-quarter':
      return forecast.map((amount) => cut(amount, cap.percent));
  }
}

function pinsOf(
  scenario: BudgetCutScenario,
  index: ReadonlyMap<string, number>,
  warnings: PlanningWarning[],
  conflicts: Conflict[],
): Map<number, Pin> {
  const pins = new Map<number, Pin>();
  const contradicted = new Set<number>();
  for (const { key, pin } of scenario.pins ?? []) {
    const epic = index.get(key);
    if (epic === undefined) {
      warnings.push({ code: 'UNKNOWN_EPIC', key, field: 'pins' });
      continue;
    }
    const earlier = pins.get(epic);
    if (earlier !== undefined && earlier !== pin && !contradicted.has(epic)) {
      contradicted.add(epic);
      conflicts.push({
        code: 'CONTRADICTING_PINS',
        message: `${key} is pinned both to continue and to stop.`,
        constraints: [
          { kind: 'pin', key, pin: 'continue' },
          { kind: 'pin', key, pin: 'stop' },
        ],
      });
    }
    pins.set(epic, pin);
  }
  for (const epic of contradicted) {
    pins.delete(epic);
  }
  return pins;
}

function pinDependencyConflicts(bounds: ReturnType<typeof levelBounds>, keys: readonly string[]): Conflict[] {
  const conflicts: Conflict[] = [];
  const seen = new Set<string>();
  for (let epic = 0; epic < keys.length; epic += 1) {
    if ((bounds.min[epic] ?? 0) <= (bounds.max[epic] ?? 0)) {
      continue;
    }
    // Walk back to the stop pin and forward to the continue pin: the path between them is the
    // chain of links that carries one pin onto the other.
    const back = chainTo(bounds.raisedBy, epic).reverse();
    const forward = chainTo(bounds.loweredBy, epic);
    const path = [...back, ...forward.slice(1)];
    const stopKey = keys[path[0] ?? epic] ?? '';
    const continueKey = keys[path[path.length - 1] ?? epic] ?? '';
    if (seen.has(`${stopKey}\u0000${continueKey}`)) {
      continue;
    }
    seen.add(`${stopKey}\u0000${continueKey}`);
    const links: ConstraintRef[] = [];
    for (let step = 1; step < path.length; step += 1) {
      links.push({
        kind: 'dependency',
        blocker: keys[path[step - 1] ?? 0] ?? '',
        blocked: keys[path[step] ?? 0] ?? '',
      });
    }
    conflicts.push({
      code: 'PINS_AGAINST_DEPENDENCY',
      message: `${stopKey} is pinned to stop, and it blocks ${continueKey}, which is pinned to continue.`,
      constraints: [
        { kind: 'pin', key: stopKey, pin: 'stop' },
        ...links,
        { kind: 'pin', key: continueKey, pin: 'continue' },
      ],
    });
  }
  return conflicts;
}

/** Each cap against the least any allowed choice of every epic spends in its period. */
function capConflicts(model: BudgetModel, loweredBy: Int32Array): Conflict[] {
  const { keys, levels, periods, caps, spend, minLevel, maxLevel } = model;
  const periodCount = periods.length;
  const conflicts: Conflict[] = [];
  periods.forEach((period, p) => {
    let least = 0;
    const held = new Map<string, ConstraintRef>();
    for (let epic = 0; epic < keys.length; epic += 1) {
      let epicLeast = Infinity;
      for (let level = minLevel[epic] ?? 0; level <= (maxLevel[epic] ?? 0); level += 1) {
        epicLeast = Math.min(epicLeast, spend[(epic * levels + level) * periodCount + p] ?? 0);
      }
      least += epicLeast;
      if (epicLeast > 0) {
        // Only a continue pin, on the epic or on one it blocks, keeps an epic from stopping.
        const chain = chainTo(loweredBy, epic);
        for (let step = 1; step < chain.length; step += 1) {
          const blocker = keys[chain[step - 1] ?? 0] ?? '';
          const blocked = keys[chain[step] ?? 0] ?? '';
          held.set(`${blocker}>${blocked}`, { kind: 'dependency', blocker, blocked });
        }
        const pinned = keys[chain[chain.length - 1] ?? epic] ?? '';
        held.set(pinned, { kind: 'pin', key: pinned, pin: 'continue' });
      }
    }
    const cap = caps[p] ?? 0;
    if (least > cap) {
      conflicts.push({
        code: 'PINS_EXCEED_CAP',
        message: `The epics pinned to continue spend ${least} from ${period.from} to ${period.to} even at their latest, over the cap of ${cap}.`,
        constraints: [{ kind: 'cap', period: p, from: period.from, to: period.to }, ...held.values()],
      });
    }
  });
  return conflicts;
}

/** Each floor against the most the epics can fund for its objective. */
function floorConflicts(model: BudgetModel): Conflict[] {
  const { keys, levels, funding, floors, floorIds, minLevel, maxLevel, pins } = model;
  const floorCount = floors.length;
  const conflicts: Conflict[] = [];
  floors.forEach((floor, f) => {
    let most = 0;
    const stopped: ConstraintRef[] = [];
    for (let epic = 0; epic < keys.length; epic += 1) {
      let epicMost = 0;
      let unconstrained = 0;
      for (let level = 0; level < levels; level += 1) {
        const amount = funding[(epic * levels + level) * floorCount + f] ?? 0;
        unconstrained = Math.max(unconstrained, amount);
        if (level >= (minLevel[epic] ?? 0) && level <= (maxLevel[epic] ?? 0)) {
          epicMost = Math.max(epicMost, amount);
        }
      }
      most += epicMost;
      const pin = pins.get(epic);
      if (unconstrained > epicMost && pin === 'stop') {
        stopped.push({ kind: 'pin', key: keys[epic] ?? '', pin });
      }
    }
    if (most < floor) {
      conflicts.push({
        code: 'FLOOR_UNREACHABLE',
        message: `Objective ${floorIds[f] ?? ''} can be funded at most ${most} in the window, under its floor of ${floor}.`,
        constraints: [{ kind: 'floor', objectiveId: floorIds[f] ?? '' }, ...stopped],
      });
    }
  });
  return conflicts;
}
