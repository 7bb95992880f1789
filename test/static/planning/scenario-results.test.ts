import type { ScenarioDecision, ScenarioView } from '../../../src/contract/planning.contract';
import { KPI_NAMES, SCENARIO_COLUMN_NAMES } from '../../../src/contract/value-vocabulary';
import { compareScenarios } from '../../../static/src/features/planning/scenario-compare-model';
import {
  applyRequestOf,
  decisionCounts,
  scenarioNameError,
  type PlannedScenario,
} from '../../../static/src/features/planning/scenario-decisions';
import {
  scenarioCsv,
  scenarioFileName,
  scenarioJson,
} from '../../../static/src/features/planning/scenario-export';

function decision(
  key: string,
  choice: ScenarioDecision['choice'],
  overrides: Partial<ScenarioDecision> = {},
) {
  return {
    key,
    summary: `Epic ${key}`,
    project: key.split('-')[0] ?? '',
    choice,
    npvRetained: 100,
    remainingNpv: 120,
    yearSpend: 50,
    why: { kind: 'ratio', text: 'Cheapest to cut.' },
    revision: 3,
    ...overrides,
  } satisfies ScenarioDecision;
}

function plan(decisions: ScenarioDecision[], overrides: Partial<PlannedScenario> = {}): PlannedScenario {
  const year = { from: '2026-04', to: '2027-03', forecast: 4000, cap: 2000, planned: 2000, cashFreed: 2000 };
  return {
    status: 'planned',
    asOf: '2026-03',
    currency: 'EUR',
    epics: decisions.length,
    currentNpv: 2901.68,
    exact: { decisions, npvRetained: 2848.72, periods: [year], cashFreed: 2000, proven: true },
    greedy: null,
    greedyGap: null,
    valueLostByObjective: [{ objectiveId: 'OBJ-1', name: 'Grow revenue', valueLost: 52.96 }],
    warnings: [],
    ...overrides,
  };
}

describe('scenario decisions', () => {
  it('counts the epics per recorded decision and names each epic at the revision it was planned from', () => {
    const view = plan([
      decision('PAY-1', 'continue', { revision: 0 }),
      decision('PAY-2', 'delay', { delayMonths: 6 }),
      decision('PAY-3', 'delay', { delayMonths: 12 }),
      decision('PAY-4', 'stop'),
      decision('PAY-5', 'delay', { delayMonths: 12 }),
    ]);

    expect(decisionCounts(view)).toEqual([
      { choice: 'continue', count: 1 },
      { choice: 'delay_6', count: 1 },
      { choice: 'delay_12', count: 2 },
      { choice: 'stop', count: 1 },
    ]);
    expect(applyRequestOf('Q2 cut', view).decisions.slice(0, 2)).toEqual([
      { issueKey: 'PAY-1', choice: 'continue', baseRevision: 0 },
      { issueKey: 'PAY-2', choice: 'delay_6', baseRevision: 3 },
    ]);
  });

  it('says what is wrong with a scenario name as the server would', () => {
    expect(scenarioNameError('  ')).toBe('is required');
    expect(scenarioNameError('x'.repeat(121))).toBe('must be at most 120 characters');
    expect(scenarioNameError('two\nlines')).toBe('must be one line without control characters');
    expect(scenarioNameError(' Q2 cut ')).toBeUndefined();
  });
});

describe('scenario export', () => {
  it('writes one CSV row per epic under the vocabulary’s column names', () => {
    const csv = scenarioCsv('Q2 cut', plan([decision('PAY-3', 'delay', { delayMonths: 12 })]));

    const [header, row] = csv.split('\r\n');
    expect(header?.split(',')).toEqual([
      SCENARIO_COLUMN_NAMES.scenario,
      SCENARIO_COLUMN_NAMES.asOf,
      SCENARIO_COLUMN_NAMES.currency,
      SCENARIO_COLUMN_NAMES.epic,
      SCENARIO_COLUMN_NAMES.summary,
      SCENARIO_COLUMN_NAMES.project,
      SCENARIO_COLUMN_NAMES.decision,
      SCENARIO_COLUMN_NAMES.why,
      KPI_NAMES.remainingNpv,
      KPI_NAMES.npvRetained,
      SCENARIO_COLUMN_NAMES.yearSpend,
    ]);
    expect(row).toBe('Q2 cut,2026-03,EUR,PAY-3,Epic PAY-3,PAY,Delay 12 months,Cheapest to cut.,120,100,50');
  });

  it('writes a formula-like name or summary as text, never as a formula', () => {
    const csv = scenarioCsv(
      '=HYPERLINK("http://evil")',
      plan([decision('PAY-1', 'stop', { summary: '@SUM(A1:A9)', npvRetained: -5 })]),
    );

    const row = csv.split('\r\n')[1] ?? '';
    expect(row.startsWith(`"'=HYPERLINK(""http://evil"")"`)).toBe(true);
    expect(row).toContain(`"'@SUM(A1:A9)"`);
    expect(row).toContain(',-5,');
  });

  it('writes the whole answer as JSON with the scenario’s name, and a safe file name', () => {
    const view = plan([decision('PAY-1', 'continue')]);

    expect(JSON.parse(scenarioJson('Q2 cut', view))).toEqual({
      format: 'value-layer.scenario',
      version: 1,
      scenario: 'Q2 cut',
      ...view,
    });
    expect(scenarioFileName('Q2 cut / Ünïcode', 'csv')).toBe('value-scenario-q2-cut-unicode.csv');
    expect(scenarioFileName('***', 'json')).toBe('value-scenario-unnamed.json');
  });
});

describe('compareScenarios', () => {
  it('sets the figures side by side and lists only the epics decided differently', () => {
    const quarter = (from: string, to: string, cashFreed: number) => ({
      from,
      to,
      forecast: 0,
      cap: 0,
      planned: 0,
      cashFreed,
    });
    const a = plan([decision('PAY-1', 'continue'), decision('PAY-2', 'stop')]);
    const b = plan([decision('PAY-1', 'continue'), decision('PAY-2', 'delay', { delayMonths: 3 })], {
      exact: {
        decisions: [decision('PAY-1', 'continue'), decision('PAY-2', 'delay', { delayMonths: 3 })],
        npvRetained: 2700,
        cashFreed: 900,
        proven: true,
        periods: [quarter('2026-04', '2026-06', 500), quarter('2026-07', '2026-09', 400)],
      },
      valueLostByObjective: [],
    });
    const infeasible: ScenarioView = {
      status: 'infeasible',
      asOf: '2026-03',
      currency: 'EUR',
      epics: 2,
      conflicts: [],
      warnings: [],
    };

    const comparison = compareScenarios([
      { name: 'A', view: a },
      { name: 'B', view: b },
      { name: 'C', view: infeasible },
    ]);

    expect(comparison.npvRetained.values).toEqual([2848.72, 2700, null]);
    expect(comparison.cashFreed.values).toEqual([2000, 900, null]);
    expect(comparison.cashFreedByPeriod).toEqual([
      { label: '2026-04 – 2026-06', values: [null, 500, null] },
      { label: '2026-04 – 2027-03', values: [2000, null, null] },
      { label: '2026-07 – 2026-09', values: [null, 400, null] },
    ]);
    expect(comparison.valueLostByObjective).toEqual([{ label: 'Grow revenue', values: [52.96, 0, null] }]);
    expect(comparison.differingEpics).toEqual([
      { key: 'PAY-2', label: 'PAY-2 Epic PAY-2', values: ['Stop', 'Delay 3 months', null] },
    ]);
  });
});
