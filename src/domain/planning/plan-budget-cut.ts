import { minorUnits } from '../money/minor-units';
import { budgetModel, type BudgetModel } from './budget-model';
import { exactPlan } from './exact-plan';
import { greedyPlan } from './greedy-plan';
import { planTotals } from './plan-evaluation';
import type {
  BudgetCutResult,
  BudgetCutScenario,
  BudgetPlan,
  ConstraintRef,
  Decision,
  DecisionReason,
} from './scenario';

/**
 * The budget-cut optimiser: which in-flight epics to continue, delay (3, 6 or 12 months) or
 * stop so that the remaining spend inside the window meets the cap (per quarter if asked), the
 * pins, the links and the objective floors, while keeping the most remaining risk-adjusted NPV.
 *
 * Returns the exact plan (integer program, see `exactPlan`) and the greedy ranking beside it
 * with the gap, each decision with its reason; or, when no plan can exist, the conflicts that
 * name the constraints that cannot all hold. Never throws on user input.
 */
export function planBudgetCut(scenario: BudgetCutScenario): BudgetCutResult {
  const outcome = budgetModel(scenario);
  if (!outcome.ok) {
    return { status: 'infeasible', conflicts: outcome.conflicts, warnings: outcome.warnings };
  }
  const { model, warnings } = outcome;
  const greedy = greedyPlan(model);
  const exact = exactPlan(model, greedy.levels);
  if (exact.levels === null) {
    const everything: ConstraintRef[] = [
      ...model.periods.map((period, p): ConstraintRef => ({
        kind: 'cap',
        period: p,
        from: period.from,
        to: period.to,
      })),
      ...model.floorIds.map((objectiveId): ConstraintRef => ({ kind: 'floor', objectiveId })),
      ...[...model.pins].map(([epic, pin]): ConstraintRef => ({
        kind: 'pin',
        key: model.keys[epic] ?? '',
        pin,
      })),
    ];
    return {
      status: 'infeasible',
      warnings,
      conflicts: [
        exact.infeasible
          ? {
              code: 'NO_FEASIBLE_PLAN',
              message:
                'No plan meets every cap and floor together with the pins and links, though each holds on its own.',
              constraints: everything,
            }
          : {
              code: 'NO_PLAN_FOUND',
              message: `No plan meeting every cap and floor was found, and ${exact.coreEpics} epics are too many to search them all.`,
              constraints: everything,
            },
      ],
    };
  }
  const current = new Int32Array(model.keys.length);
  const exactBudget = budgetPlan(model, exact.levels, exact.capPrices, exact.floorPrices);
  const greedyBudget =
    greedy.levels === null
      ? null
      : budgetPlan(
          model,
          greedy.levels,
          model.caps.map(() => greedy.cutOff),
          [],
        );
  return {
    status: 'planned',
    currentNpv: minorUnits(planTotals(model, current).value),
    exact: {
      ...exactBudget,
      quality: {
        proven: exact.proven,
        // Never under the plan itself (float noise), and never -0 (Math.ceil(-1e-6) is -0).
        upperBound: minorUnits(Math.max(exactBudget.retainedNpv, Math.ceil(exact.upperBound - 1e-6))),
        coreEpics: exact.coreEpics,
      },
    },
    greedy: greedyBudget,
    greedyGap: greedyBudget === null ? null : minorUnits(exactBudget.retainedNpv - greedyBudget.retainedNpv),
    warnings,
  };
}

function budgetPlan(
  model: BudgetModel,
  levels: Int32Array,
  capPrices: readonly number[],
  floorPrices: readonly number[],
): BudgetPlan {
  const totals = planTotals(model, levels);
  const decisions: Decision[] = model.keys.map((key, epic) => {
    const cell = epic * model.levels + (levels[epic] ?? 0);
    return {
      key,
      choice: model.choices[levels[epic] ?? 0] ?? { kind: 'continue' },
      retainedNpv: minorUnits(model.value[cell] ?? 0),
      windowSpend: minorUnits(model.windowSpend[cell] ?? 0),
      reason: reasonOf(model, levels, epic, capPrices, floorPrices),
    };
  });
  return {
    decisions,
    retainedNpv: minorUnits(totals.value),
    periods: model.periods.map((period, p) => ({
      ...period,
      forecast: minorUnits(model.forecast[p] ?? 0),
      cap: minorUnits(model.caps[p] ?? 0),
      planned: minorUnits(totals.spend[p] ?? 0),
      freed: minorUnits((model.forecast[p] ?? 0) - (totals.spend[p] ?? 0)),
    })),
  };
}

/**
 * Why an epic got its level, the first that applies: its pin; a link (a blocker at the same or
 * a later level, or a blocked epic pinned to continue); a loss-maker stopped; no cap binds; a
 * priced floor it funds; otherwise its ratio of NPV lost per minor unit freed against the
 * cut-off (the caps' price).
 */
function reasonOf(
  model: BudgetModel,
  levels: Int32Array,
  epic: number,
  capPrices: readonly number[],
  floorPrices: readonly number[],
): DecisionReason {
  const { keys, levels: levelCount, value, windowSpend, spend, funding, graph, maxLevel } = model;
  const level = levels[epic] ?? 0;
  const pin = model.pins.get(epic);
  if (pin !== undefined) {
    return { kind: 'pin', pin };
  }
  const key = keys[epic] ?? '';
  if (level > 0) {
    const blockers = (graph.blockedBy[epic] ?? []).filter((blocker) => (levels[blocker] ?? 0) >= level);
    if (blockers.length > 0) {
      return {
        kind: 'dependency',
        constraints: blockers.map((blocker) => ({
          kind: 'dependency',
          blocker: keys[blocker] ?? '',
          blocked: key,
        })),
      };
    }
  } else if ((maxLevel[epic] ?? 0) === 0) {
    const held = (graph.blocks[epic] ?? []).filter((blocked) => (maxLevel[blocked] ?? 0) === 0);
    return {
      kind: 'dependency',
      constraints: held.map((blocked) => ({
        kind: 'dependency',
        blocker: key,
        blocked: keys[blocked] ?? '',
      })),
    };
  }
  const continueValue = value[epic * levelCount] ?? 0;
  if (level === levelCount - 1 && continueValue <= 0) {
    return { kind: 'not-worth-finishing', remainingNpv: minorUnits(continueValue) };
  }
  if (model.forecast.every((amount, p) => amount <= (model.caps[p] ?? 0)) && level === 0) {
    return { kind: 'no-cut-needed' };
  }
  const floorCount = model.floors.length;
  const funded = model.floorIds.filter(
    (_, f) => (floorPrices[f] ?? 0) > 0 && (funding[(epic * levelCount + level) * floorCount + f] ?? 0) > 0,
  );
  if (funded.length > 0 && level < levelCount - 1) {
    return { kind: 'objective-floor', objectiveIds: funded };
  }
  // The ratio of the decision against continuing (or, when continuing, of the cheapest cut).
  const periodCount = model.periods.length;
  const ratioOf = (to: number) => {
    const from = epic * levelCount;
    const cell = epic * levelCount + to;
    const freed = (windowSpend[from] ?? 0) - (windowSpend[cell] ?? 0);
    let priced = 0;
    for (let p = 0; p < periodCount; p += 1) {
      priced +=
        (capPrices[p] ?? 0) * ((spend[from * periodCount + p] ?? 0) - (spend[cell * periodCount + p] ?? 0));
    }
    return {
      loss: (value[from] ?? 0) - (value[cell] ?? 0),
      freed,
      cutOff: freed > 0 ? priced / freed : (capPrices[0] ?? 0),
    };
  };
  let chosen = ratioOf(level);
  if (level === 0) {
    for (let to = 1; to <= (maxLevel[epic] ?? 0); to += 1) {
      const candidate = ratioOf(to);
      if (
        candidate.freed > 0 &&
        (chosen.freed <= 0 || candidate.loss * chosen.freed < chosen.loss * candidate.freed)
      ) {
        chosen = candidate;
      }
    }
  }
  return {
    kind: 'ratio',
    ratio:
      chosen.freed > 0 ? { value: chosen.loss / chosen.freed } : { value: null, reason: 'NOTHING_FREED' },
    cutOff: chosen.cutOff,
  };
}
