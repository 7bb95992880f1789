/**
 * An independent exhaustive solver of the budget-cut problem, the oracle of the optimiser's
 * property test. It shares no code with src/domain/planning: it recomputes every choice's
 * retained NPV and spend from the remaining plans, and enumerates every assignment of choices
 * (depth first, abandoning a partial assignment only when it already breaks a pin, a link, a cap
 * or can no longer reach a floor, never on a bound of the objective).
 *
 * Kept to small portfolios: levels^epics assignments at most.
 */
import type { BudgetCutScenario, Choice } from '../../../src/domain/planning';

export interface BruteForceOutcome {
  /** The most retained NPV over the feasible assignments, or null when none is feasible. */
  readonly best: number | null;
  /** Feasible assignments seen (a sanity figure for the test's own coverage). */
  readonly feasible: number;
}

export interface SmallModel {
  readonly choices: readonly Choice[];
  /** [epic][level] retained NPV, rounded half-to-even. */
  readonly value: readonly (readonly number[])[];
  /** [epic][level][period] planned spend. */
  readonly spend: readonly (readonly (readonly number[])[])[];
  /** [epic][level][floor] funding of the floor's objective. */
  readonly funding: readonly (readonly (readonly number[])[])[];
  readonly caps: readonly number[];
  readonly floors: readonly number[];
  /** [epic]: allowed levels (pins), as a closed range. */
  readonly allowed: readonly (readonly [number, number])[];
  /** [blocker, blocked] positions. */
  readonly links: readonly (readonly [number, number])[];
}

const halfEven = (amount: number): number => {
  const floor = Math.floor(amount);
  const fraction = amount - floor;
  if (fraction !== 0.5) return Math.round(amount);
  return floor % 2 === 0 ? floor : floor + 1;
};

/** The scenario in plain nested arrays, computed from its definition (scenario.ts doc comments). */
export function smallModelOf(scenario: BudgetCutScenario): SmallModel {
  const window = scenario.windowMonths ?? 12;
  const delays = [...new Set(scenario.delays ?? [3, 6, 12])].sort((a, b) => a - b);
  const choices: Choice[] = [
    { kind: 'continue' },
    ...delays.map((months): Choice => ({ kind: 'delay', months })),
    { kind: 'stop' },
  ];
  const perQuarter = scenario.cap.kind === 'cut-per-quarter' || scenario.cap.kind === 'amount-per-quarter';
  const periods: [number, number][] = [];
  if (perQuarter) {
    for (let first = 1; first <= window; first += 3) periods.push([first, Math.min(first + 2, window)]);
  } else {
    periods.push([1, window]);
  }
  const monthly = 1 + scenario.discountRate / 12;
  const floors = scenario.floors ?? [];
  const value: number[][] = [];
  const spend: number[][][] = [];
  const funding: number[][][] = [];
  for (const plan of scenario.plans) {
    const epicValue: number[] = [];
    const epicSpend: number[][] = [];
    const epicFunding: number[][] = [];
    for (const choice of choices) {
      if (choice.kind === 'stop') {
        epicValue.push(0);
        epicSpend.push(periods.map(() => 0));
        epicFunding.push(floors.map(() => 0));
        continue;
      }
      const delay = choice.kind === 'delay' ? choice.months : 0;
      // A delayed plan's month m (1 = A+1) is its original month m - delay.
      let present = 0;
      plan.cost.forEach((cost, position) => {
        present += ((plan.benefit[position] ?? 0) - cost) / monthly ** (position + 1 + delay);
      });
      epicValue.push(halfEven(present));
      const inPeriods = periods.map(([first, last]) => {
        let sum = 0;
        for (let month = first; month <= last; month += 1) sum += plan.cost[month - 1 - delay] ?? 0;
        return sum;
      });
      epicSpend.push(inPeriods);
      const inWindow = inPeriods.reduce((a, b) => a + b, 0);
      epicFunding.push(
        floors.map((floor) => {
          const share = plan.objectives.find((link) => link.id === floor.objectiveId)?.share ?? 0;
          return halfEven(inWindow * share);
        }),
      );
    }
    value.push(epicValue);
    spend.push(epicSpend);
    funding.push(epicFunding);
  }
  const forecast = periods.map((_, p) => spend.reduce((sum, epic) => sum + (epic[0]?.[p] ?? 0), 0));
  const { cap } = scenario;
  const caps =
    cap.kind === 'amount'
      ? [cap.amount]
      : cap.kind === 'amount-per-quarter'
        ? [...cap.amounts]
        : forecast.map((amount) => Math.floor((amount * (100 - cap.percent)) / 100));
  const floorAmounts = floors.map((floor, f) => {
    if (floor.kind === 'amount') return floor.amount;
    const whole = funding.reduce((sum, epic) => sum + (epic[0]?.[f] ?? 0), 0);
    return Math.ceil((whole * floor.percent) / 100);
  });
  const position = new Map(scenario.plans.map((plan, index) => [plan.key, index]));
  const top = choices.length - 1;
  const allowed = scenario.plans.map((plan): [number, number] => {
    const pins = new Set((scenario.pins ?? []).filter((pin) => pin.key === plan.key).map((pin) => pin.pin));
    // Both pins: no level is allowed (an empty range).
    return [pins.has('stop') ? top : 0, pins.has('continue') ? 0 : top];
  });
  const links = (scenario.dependencies ?? []).flatMap(({ blocker, blocked }): [number, number][] => {
    const from = position.get(blocker);
    const to = position.get(blocked);
    return from === undefined || to === undefined ? [] : [[from, to]];
  });
  return { choices, value, spend, funding, caps, floors: floorAmounts, allowed, links };
}

/** Whether one assignment of levels meets every pin, link ("blocks": blocked >= blocker), cap and floor. */
export function isFeasibleAssignment(model: SmallModel, levels: readonly number[]): boolean {
  if (
    levels.some(
      (level, epic) => level < (model.allowed[epic]?.[0] ?? 0) || level > (model.allowed[epic]?.[1] ?? 0),
    )
  ) {
    return false;
  }
  if (model.links.some(([blocker, blocked]) => (levels[blocked] ?? 0) < (levels[blocker] ?? 0))) {
    return false;
  }
  const within = model.caps.every(
    (cap, p) => levels.reduce((sum, level, epic) => sum + (model.spend[epic]?.[level]?.[p] ?? 0), 0) <= cap,
  );
  const funded = model.floors.every(
    (floor, f) =>
      levels.reduce((sum, level, epic) => sum + (model.funding[epic]?.[level]?.[f] ?? 0), 0) >= floor,
  );
  return within && funded;
}

export function retainedValue(model: SmallModel, levels: readonly number[]): number {
  return levels.reduce((sum, level, epic) => sum + (model.value[epic]?.[level] ?? 0), 0);
}

/** Every assignment, depth first; the best feasible retained NPV. */
export function bruteForceBudgetCut(model: SmallModel): BruteForceOutcome {
  const size = model.value.length;
  const levels = new Array<number>(size).fill(0);
  // The most each epic from position e onwards can still add to each floor.
  const fundingAhead = model.floors.map((_, f) => {
    const ahead = new Array<number>(size + 1).fill(0);
    for (let epic = size - 1; epic >= 0; epic -= 1) {
      const most = Math.max(...(model.funding[epic] ?? []).map((cells) => cells[f] ?? 0));
      ahead[epic] = (ahead[epic + 1] ?? 0) + most;
    }
    return ahead;
  });
  const linksInto = Array.from({ length: size }, (_, epic) =>
    model.links.filter(([a, b]) => Math.max(a, b) === epic),
  );
  let best: number | null = null;
  let feasible = 0;
  const spent = model.caps.map(() => 0);
  const funded = model.floors.map(() => 0);
  const visit = (epic: number, retained: number): void => {
    if (epic === size) {
      if (model.floors.every((floor, f) => (funded[f] ?? 0) >= floor)) {
        feasible += 1;
        best = best === null ? retained : Math.max(best, retained);
      }
      return;
    }
    const [low, high] = model.allowed[epic] ?? [0, -1];
    for (let level = low; level <= high; level += 1) {
      levels[epic] = level;
      if (linksInto[epic]?.some(([blocker, blocked]) => (levels[blocked] ?? 0) < (levels[blocker] ?? 0))) {
        continue;
      }
      const cells = model.spend[epic]?.[level] ?? [];
      const fund = model.funding[epic]?.[level] ?? [];
      cells.forEach((amount, p) => (spent[p] = (spent[p] ?? 0) + amount));
      fund.forEach((amount, f) => (funded[f] = (funded[f] ?? 0) + amount));
      // Spend never goes negative, so a cap already broken stays broken.
      const capsHold = model.caps.every((cap, p) => (spent[p] ?? 0) <= cap);
      const floorsReachable = model.floors.every(
        (floor, f) => (funded[f] ?? 0) + (fundingAhead[f]?.[epic + 1] ?? 0) >= floor,
      );
      if (capsHold && floorsReachable) {
        visit(epic + 1, retained + (model.value[epic]?.[level] ?? 0));
      }
      cells.forEach((amount, p) => (spent[p] = (spent[p] ?? 0) - amount));
      fund.forEach((amount, f) => (funded[f] = (funded[f] ?? 0) - amount));
    }
  };
  visit(0, 0);
  return { best, feasible };
}
