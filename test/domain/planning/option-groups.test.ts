import { budgetModel, type BudgetModel } from '../../../src/domain/planning/budget-model';
import { optionGroups } from '../../../src/domain/planning/option-groups';
import type { Dependency } from '../../../src/domain/planning';

const plan = (key: string) => ({
  key,
  objectives: [],
  cost: [...new Array<number>(10).fill(100), 0],
  benefit: [...new Array<number>(10).fill(0), 2_000],
});

function modelOf(keys: readonly string[], dependencies: readonly Dependency[]): BudgetModel {
  const outcome = budgetModel({
    asOf: '2026-03',
    discountRate: 0,
    plans: keys.map(plan),
    cap: { kind: 'amount', amount: 10_000 },
    delays: [6],
    dependencies: [...dependencies],
  });
  if (!outcome.ok) throw new Error('expected a model');
  return outcome.model;
}

/** The options of group g as level arrays. */
const optionsOf = (groups: ReturnType<typeof optionGroups>, group: number): number[][] => {
  const size = (groups.epicStart[group + 1] ?? 0) - (groups.epicStart[group] ?? 0);
  const options: number[][] = [];
  for (
    let option = groups.optionStart[group] ?? 0;
    option < (groups.optionStart[group + 1] ?? 0);
    option += 1
  ) {
    const from = groups.levelStart[option] ?? 0;
    options.push([...groups.optionLevels.slice(from, from + size)]);
  }
  return options;
};

describe('optionGroups', () => {
  it('returns one group per unlinked epic with one option per level', () => {
    const groups = optionGroups(modelOf(['A', 'B'], []));
    expect(groups.count).toBe(2);
    expect(optionsOf(groups, 0)).toEqual([[0], [1], [2]]);
    expect(groups.looseLinks).toEqual([]);
  });

  it('returns a linked pair as one group whose options keep the blocked epic at or after its blocker', () => {
    const groups = optionGroups(modelOf(['A', 'B'], [{ blocker: 'A', blocked: 'B' }]));
    expect(groups.count).toBe(1);
    // Levels of [A, B]: continue 0, delay 6 months 1, stop 2.
    expect(optionsOf(groups, 0)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
      [2, 2],
    ]);
    // The option's NPV is the sum of its epics' (continue + continue: 1,000 each).
    expect(groups.value[groups.optionStart[0] ?? 0]).toBe(2_000);
  });

  it('returns a cycle as one group whose epics share a level', () => {
    const groups = optionGroups(
      modelOf(
        ['A', 'B'],
        [
          { blocker: 'A', blocked: 'B' },
          { blocker: 'B', blocked: 'A' },
        ],
      ),
    );
    expect(optionsOf(groups, 0)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('returns the epics of a component too big to merge as single groups with loose links', () => {
    const groups = optionGroups(
      modelOf(
        ['A', 'B', 'C', 'D'],
        [
          { blocker: 'A', blocked: 'B' },
          { blocker: 'B', blocked: 'C' },
          { blocker: 'C', blocked: 'D' },
        ],
      ),
    );
    expect(groups.count).toBe(4);
    expect(groups.looseLinks).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect([...groups.linked]).toEqual([1, 1, 1, 1]);
  });
});
