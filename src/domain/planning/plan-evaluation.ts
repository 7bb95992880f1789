import type { BudgetModel } from './budget-model';

/** What a choice of levels (one per epic) retains and spends. */
export interface PlanTotals {
  readonly value: number;
  readonly spend: number[];
  readonly funding: number[];
}

export function planTotals(model: BudgetModel, levels: Int32Array): PlanTotals {
  const periodCount = model.periods.length;
  const floorCount = model.floors.length;
  const spend = new Array<number>(periodCount).fill(0);
  const funding = new Array<number>(floorCount).fill(0);
  let value = 0;
  for (let epic = 0; epic < model.keys.length; epic += 1) {
    const cell = epic * model.levels + (levels[epic] ?? 0);
    value += model.value[cell] ?? 0;
    for (let p = 0; p < periodCount; p += 1) {
      spend[p] = (spend[p] ?? 0) + (model.spend[cell * periodCount + p] ?? 0);
    }
    for (let f = 0; f < floorCount; f += 1) {
      funding[f] = (funding[f] ?? 0) + (model.funding[cell * floorCount + f] ?? 0);
    }
  }
  return { value, spend, funding };
}

/** Whether the levels respect every bound (pins), link, cap and floor. Exact: integers only. */
export function isFeasiblePlan(model: BudgetModel, levels: Int32Array): boolean {
  for (let epic = 0; epic < model.keys.length; epic += 1) {
    const level = levels[epic] ?? 0;
    if (level < (model.minLevel[epic] ?? 0) || level > (model.maxLevel[epic] ?? 0)) {
      return false;
    }
    for (const blocked of model.graph.blocks[epic] ?? []) {
      if ((levels[blocked] ?? 0) < level) {
        return false;
      }
    }
  }
  const totals = planTotals(model, levels);
  return (
    totals.spend.every((amount, p) => amount <= (model.caps[p] ?? 0)) &&
    totals.funding.every((amount, f) => amount >= (model.floors[f] ?? 0))
  );
}
