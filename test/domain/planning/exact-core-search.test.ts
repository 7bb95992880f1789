import fc from 'fast-check';
import { exactCoreSearch, type CoreProblem } from '../../../src/domain/planning/exact-core-search';
import type { OptionGroups } from '../../../src/domain/planning/option-groups';

interface OptionSpec {
  value: number;
  spend: number[];
  funding?: number[];
}

/** Option groups of one epic each; an option's level is its place in its group. */
function groupsOf(specs: readonly (readonly OptionSpec[])[]): OptionGroups {
  const options = specs.flat();
  const optionStart = [0];
  for (const group of specs) optionStart.push((optionStart.at(-1) ?? 0) + group.length);
  return {
    count: specs.length,
    optionStart: Int32Array.from(optionStart),
    epicStart: Int32Array.from(specs.map((_, group) => group).concat(specs.length)),
    epics: Int32Array.from(specs.map((_, group) => group)),
    levelStart: Int32Array.from(options.map((_, option) => option)),
    optionLevels: Int32Array.from(specs.flatMap((group) => group.map((_, level) => level))),
    value: Float64Array.from(options.map((option) => option.value)),
    spend: Float64Array.from(options.flatMap((option) => option.spend)),
    funding: Float64Array.from(options.flatMap((option) => option.funding ?? [])),
    looseLinks: [],
    linked: new Uint8Array(specs.length),
  };
}

function problemOf(specs: readonly (readonly OptionSpec[])[], overrides: Partial<CoreProblem>): CoreProblem {
  const groups = groupsOf(specs);
  return {
    groups,
    core: specs.map((_, group) => group),
    kept: new Uint8Array(groups.optionStart[groups.count] ?? 0).fill(1),
    caps: [],
    floors: [],
    links: [],
    atLeast: -Infinity,
    nodeLimit: 1_000_000,
    ...overrides,
  };
}

/** Every assignment of one option per group, the best feasible value (the oracle). */
function bestByEnumeration(problem: CoreProblem): number | null {
  const { groups, caps, floors, links } = problem;
  let best: number | null = null;
  const walk = (depth: number, chosen: number[]): void => {
    if (depth === groups.count) {
      const level = (group: number) => (chosen[group] ?? 0) - (groups.optionStart[group] ?? 0);
      const fits =
        caps.every(
          (cap, p) => chosen.reduce((sum, o) => sum + (groups.spend[o * caps.length + p] ?? 0), 0) <= cap,
        ) &&
        floors.every(
          (floor, f) =>
            chosen.reduce((sum, o) => sum + (groups.funding[o * floors.length + f] ?? 0), 0) >= floor,
        ) &&
        links.every(([blocker, blocked]) => level(blocked) >= level(blocker));
      const value = chosen.reduce((sum, o) => sum + (groups.value[o] ?? 0), 0);
      if (fits && value >= problem.atLeast && (best === null || value > best)) best = value;
      return;
    }
    for (let o = groups.optionStart[depth] ?? 0; o < (groups.optionStart[depth + 1] ?? 0); o += 1)
      walk(depth + 1, [...chosen, o]);
  };
  walk(0, []);
  return best;
}

function valueOf(problem: CoreProblem, options: Int32Array): number {
  return Array.from(options).reduce((sum, option) => sum + (problem.groups.value[option] ?? 0), 0);
}

// Two epics, one period: continuing both (18) spends 9, over a cap of 6.
const TWO = [
  [
    { value: 10, spend: [5] },
    { value: 0, spend: [0] },
  ],
  [
    { value: 8, spend: [4] },
    { value: 0, spend: [0] },
  ],
];

describe(exactCoreSearch.name, () => {
  it('returns the most valuable plan whose spend fits every cap', () => {
    const result = exactCoreSearch(problemOf(TWO, { caps: [6] }));

    expect(result).toEqual({ status: 'searched', options: Int32Array.from([0, 3]) });
  });

  it('returns no plan when none retains atLeast', () => {
    expect(exactCoreSearch(problemOf(TWO, { caps: [6], atLeast: 11 }))).toEqual({
      status: 'searched',
      options: null,
    });
  });

  it('returns a plan that reaches every floor, though a better one misses it', () => {
    const funded = [
      [
        { value: 10, spend: [5], funding: [0] },
        { value: 0, spend: [0], funding: [0] },
      ],
      [
        { value: 8, spend: [4], funding: [3] },
        { value: 0, spend: [0], funding: [0] },
      ],
    ];

    expect(exactCoreSearch(problemOf(funded, { caps: [6], floors: [3] }))).toEqual({
      status: 'searched',
      options: Int32Array.from([1, 2]),
    });
  });

  it('returns a plan whose blocked epic is at or past its blocker’s level', () => {
    // Group 1 blocks group 0, whose level may not be below it: continuing group 0 alone (10)
    // is out, so continuing group 1 alone (8) is best.
    const result = exactCoreSearch(problemOf(TWO, { caps: [6], links: [[1, 0]] }));

    expect(result).toEqual({ status: 'searched', options: Int32Array.from([1, 2]) });
  });

  it('returns the fixed part’s verdict when the core is empty', () => {
    const empty = (overrides: Partial<CoreProblem>) => exactCoreSearch(problemOf([], overrides));

    expect(empty({ caps: [0], floors: [0] })).toEqual({ status: 'searched', options: Int32Array.from([]) });
    expect(empty({ caps: [-1] })).toEqual({ status: 'searched', options: null });
    expect(empty({ floors: [1] })).toEqual({ status: 'searched', options: null });
  });

  it('returns over-limit, not an answer, once it has visited nodeLimit partial plans', () => {
    expect(exactCoreSearch(problemOf(TWO, { caps: [6], nodeLimit: 2 }))).toEqual({ status: 'over-limit' });
  });

  it('returns, for any small core, the best value an enumeration of every plan finds', () => {
    const option = fc.record({
      value: fc.integer({ min: -50, max: 100 }),
      spend: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 2, maxLength: 2 }),
      funding: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 1 }),
    });
    const core = fc.array(fc.array(option, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        core.chain((specs) =>
          fc.record({
            specs: fc.constant(specs),
            caps: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 2, maxLength: 2 }),
            floors: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 1 }),
            links: fc.array(fc.tuple(fc.nat({ max: specs.length - 1 }), fc.nat({ max: specs.length - 1 })), {
              maxLength: 3,
            }),
            atLeast: fc.integer({ min: -100, max: 200 }),
          }),
        ),
        ({ specs, ...overrides }) => {
          const problem = problemOf(specs, overrides);
          const result = exactCoreSearch(problem);
          if (result.status !== 'searched') throw new Error('over its node limit');
          expect(result.options === null ? null : valueOf(problem, result.options)).toBe(
            bestByEnumeration(problem),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
