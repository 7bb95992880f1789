/**
 * The report command end to end: the real CLI in a child process (as `npm run report` runs it),
 * then `runReport` with injected I/O for the remaining cases.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, runReport, type ReportIo } from '../../scripts/report';
import {
  WORKED_EXAMPLE_AS_OF,
  WORKED_EXAMPLE_FILE,
  WORKED_EXAMPLE_OBJECTIVES,
  WORKED_EXAMPLE_PORTFOLIO,
  workedExampleDocument,
} from '../fixtures/worked-example';

const ROOT = join(__dirname, '..', '..');
const CHILD_TIMEOUT_MS = 60_000;

function runCli(args: readonly string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'report', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `runReport` in process, with files from `files` (path -> content) and captured output. */
async function run(args: readonly string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: ReportIo = {
    writeStdout: (text) => (stdout += text),
    writeStderr: (text) => (stderr += text),
    readTextFile: (path) => {
      const content = files[path];
      return content === undefined
        ? Promise.reject(new Error(`ENOENT: no such file, open '${path}'`))
        : Promise.resolve(content);
    },
  };
  const status = await runReport({ args, io });
  return { status, stdout, stderr };
}

const workedExample = JSON.stringify(workedExampleDocument());

describe('npm run report (child process)', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'report-cli-'));
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it(
    'prints the JSON report of the worked example on stdout and nothing on stderr',
    () => {
      const { status, stdout, stderr } = runCli(['--as-of', WORKED_EXAMPLE_AS_OF, WORKED_EXAMPLE_FILE]);
      expect(stderr).toBe('');
      expect(status).toBe(EXIT_OK);
      const report = JSON.parse(stdout) as Record<string, unknown>;
      expect(Object.keys(report)).toEqual([
        'asOf',
        'currency',
        'portfolio',
        'byProgramme',
        'byProject',
        'byObjective',
        'advancedWindowMonths',
        'strategicGoalsAdvancedPct',
        'objectivesOnTrackPct',
        'strategicAlignmentPct',
      ]);
      const { irr, mirr, ...exact } = WORKED_EXAMPLE_PORTFOLIO;
      expect(report['portfolio']).toMatchObject(exact);
      expect((report['portfolio'] as { irr: number }).irr).toBeCloseTo(irr, 12);
      expect((report['portfolio'] as { mirr: number }).mirr).toBeCloseTo(mirr, 12);
      expect(report['byObjective']).toEqual(WORKED_EXAMPLE_OBJECTIVES);
      expect(Object.keys(report['byProgramme'] as object)).toEqual(['(none)', 'PRG-1']);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'exits non-zero with nothing on stdout and every offending path on stderr for an invalid file',
    () => {
      const document = workedExampleDocument() as {
        epics: { key: string; value: { successProbability: number } }[];
      };
      const [first, second] = document.epics;
      if (first === undefined || second === undefined) {
        throw new Error('the worked example has two epics');
      }
      first.value.successProbability = 2;
      second.key = first.key;
      const file = join(directory, 'invalid.json');
      writeFileSync(file, JSON.stringify(document));
      const { status, stdout, stderr } = runCli(['--as-of', '2026-03', file]);
      expect(status).toBe(EXIT_INVALID_INPUT);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toEqual([
        'epics[0].value.successProbability: must be <= 1',
        'epics[1].key: duplicate epic key "PAY-1", already at index 0',
      ]);
    },
    CHILD_TIMEOUT_MS,
  );
});

describe(runReport.name, () => {
  it('prints a CSV with the facts, one row per scope and one per objective', async () => {
    const { status, stdout } = await run(['--as-of', '2026-03', '--format', 'csv', 'p.json'], {
      'p.json': workedExample,
    });
    expect(status).toBe(EXIT_OK);
    const [facts, kpis, objectives] = stdout.trim().split('\n\n');
    expect(facts?.split('\n')).toEqual([
      'metric,value',
      'asOf,2026-03',
      'currency,EUR',
      'advancedWindowMonths,3',
      'strategicGoalsAdvancedPct,50',
      'objectivesOnTrackPct,100',
      `strategicAlignmentPct,${String((100 * 1300) / 3400)}`,
    ]);
    const rows = kpis?.split('\n') ?? [];
    expect(rows[0]).toBe(
      'scope,key,epics,plannedBenefit,plannedBenefitToDate,realisedBenefit,disBenefitRealised,realisationRate,' +
        'baselineRealisationRate,forecastDrift,costBudget,actualCost,forecastCost,riskAdjustedBenefit,roi,' +
        'expectedRoi,valueForMoney,npv,paybackMonth,discountedPaybackMonth,irr,mirr,costAvoidanceRealised,' +
        'costSavingRealised,verifiedShare,npsAtCompletion',
    );
    expect(rows.slice(1).map((row) => row.split(',').slice(0, 6).join(','))).toEqual([
      'portfolio,,2,5200,2400,1800',
      'programme,(none),1,1200,400,300',
      'programme,PRG-1,1,4000,2000,1500',
      'project,OPS,1,1200,400,300',
      'project,PAY,1,4000,2000,1500',
    ]);
    expect(rows[2]?.split(',')[18]).toBe(''); // (none) never pays back: an empty cell, not "null"
    expect(objectives?.split('\n')).toEqual([
      'objective,status,attributedPlanned,attributedRealised,realisedInWindow,advanced,targetMeasure,targetAmount,' +
        'targetDate,progress,forecastAtTargetDate,onTrack',
      `OBJ-1,active,2000,750,750,true,Attributed revenue,1100,2026-04-30,${String(750 / 1100)},1150,true`,
      'OBJ-2,archived,1200,300,300,true,Cost saved,1000,2026-03-31,0.3,300,false',
      'OBJ-3,active,0,0,0,false,,,,,,',
    ]);
  });

  it('prints Markdown tables with formatted money, percentages and n/a', async () => {
    const { status, stdout } = await run(['--as-of', '2026-03', '--format', 'md', 'p.json'], {
      'p.json': workedExample,
    });
    expect(status).toBe(EXIT_OK);
    expect(stdout).toContain('# Value report as of 2026-03 (EUR)');
    expect(stdout).toContain('- Strategic goals advanced (last 3 months): 50.0%');
    expect(stdout).toContain('- Objectives on track: 100.0%');
    expect(stdout).toContain(
      '| **Portfolio** | 2 | 5,200.00 | 2,400.00 | 1,800.00 | 0.00 | 75.0% | n/a | n/a | 3,500.00 | 2,900.00 | 3,400.00 | 3,800.00 | ' +
        '-37.9% | 11.8% | 1.12 | 333.16 | 2026-05 | 2026-05 | 72.5% | 56.6% | 0.00 | 300.00 | 66.7% | 37.5 |',
    );
    expect(stdout).toMatch(/\| Programme \(none\) \|.* n\/a \|$/m);
    expect(stdout).toContain(
      '| OBJ-1 | active | 2,000.00 | 750.00 | yes | 1,100.00 by 2026-04-30 | 68.2% | 1,150.00 | yes |',
    );
    expect(stdout).toContain(
      '| OBJ-2 | archived | 1,200.00 | 300.00 | yes | 1,000.00 by 2026-03-31 | 30.0% | 300.00 | no |',
    );
    expect(stdout).toContain('| OBJ-3 | active | 0.00 | 0.00 | no | n/a | n/a | n/a | n/a |');
  });

  it('has a CSV column for every KPI of the JSON report', async () => {
    const files = { 'p.json': workedExample };
    const json = JSON.parse((await run(['--as-of', '2026-03', 'p.json'], files)).stdout) as {
      portfolio: Record<string, unknown>;
    };
    const csv = (await run(['--as-of', '2026-03', '--format', 'csv', 'p.json'], files)).stdout;
    const header = csv.split('\n\n')[1]?.split('\n')[0]?.split(',') ?? [];
    expect(header.slice(2).sort()).toEqual(Object.keys(json.portfolio).sort());
  });

  it('prints the dis-benefits apart, realisation against the approved baseline and forecast drift', async () => {
    // The worked example, PAY-1 with 250 of dis-benefit realised in March and a baseline that
    // approved 1,250 a month for February to May (now 1,000 a month).
    const document = workedExampleDocument() as {
      epics: { value: { benefits: unknown[]; baseline?: unknown } }[];
    };
    const pay = document.epics[0];
    if (pay === undefined) throw new Error('the worked example has PAY-1 first');
    pay.value.benefits.push({
      id: 'b9',
      kind: 'dis_benefit',
      title: 'Lost sales during the migration',
      planned: [],
      realised: [{ month: '2026-03', amount: 250, evidence: 'measured' }],
    });
    pay.value.baseline = {
      version: 1,
      approvedBy: 'approver-1',
      approvedAt: '2026-01-05T09:00:00.000Z',
      successProbability: 0.8,
      benefits: [
        {
          id: 'b1',
          kind: 'revenue',
          planned: ['2026-02', '2026-03', '2026-04', '2026-05'].map((month) => ({ month, amount: 1250 })),
        },
      ],
      plannedCost: [{ month: '2026-01', amount: 2000 }],
    };
    const files = { 'p.json': JSON.stringify(document) };
    const { status, stdout } = await run(['--as-of', '2026-03', 'p.json'], files);
    expect(status).toBe(EXIT_OK);
    const report = JSON.parse(stdout) as {
      portfolio: Record<string, unknown>;
      byProject: Record<string, Record<string, unknown>>;
    };
    // Realised 900 + 600 + 300 - 250; against the baseline (900 + 600 - 250) / (2 x 1,250) = 0.5;
    // drift (4 x 1,000 - 4 x 1,250) / 5,000 = -0.2 (OPS-1 has no baseline and is left out of both).
    expect(report.portfolio).toMatchObject({
      realisedBenefit: 1550,
      disBenefitRealised: 250,
      baselineRealisationRate: 0.5,
      forecastDrift: -0.2,
    });
    expect(report.byProject['OPS']).toMatchObject({
      disBenefitRealised: 0,
      baselineRealisationRate: null,
      forecastDrift: null,
    });

    const csv = (await run(['--as-of', '2026-03', '--format', 'csv', 'p.json'], files)).stdout;
    const [header, portfolioRow] = csv.split('\n\n')[1]?.split('\n') ?? [];
    const cell = (name: string) => portfolioRow?.split(',')[header?.split(',').indexOf(name) ?? -1];
    expect([cell('disBenefitRealised'), cell('baselineRealisationRate'), cell('forecastDrift')]).toEqual([
      '250',
      '0.5',
      '-0.2',
    ]);

    const markdown = (await run(['--as-of', '2026-03', '--format', 'md', 'p.json'], files)).stdout;
    expect(markdown).toContain(
      '| Realised benefit | Dis-benefit realised | Realisation rate | Realisation against baseline | Forecast drift |',
    );
    expect(markdown).toContain(
      '| **Portfolio** | 2 | 5,200.00 | 2,400.00 | 1,550.00 | 250.00 | 64.6% | 50.0% | -20.0% |',
    );
  });

  it('takes the trailing window of "strategic goals advanced" from --window-months', async () => {
    // As of 2026-06 nothing was realised in April to June (the 500 of April is PAY-1's, 0.5 of it OBJ-1's):
    // with 1 month (June) OBJ-1 has not advanced; with 3 months (April to June) it has.
    const asOf = ['--as-of', '2026-06', '--format', 'csv'];
    const oneMonth = await run([...asOf, '--window-months', '1', 'p.json'], { 'p.json': workedExample });
    expect(oneMonth.stdout).toContain('advancedWindowMonths,1\nstrategicGoalsAdvancedPct,0\n');
    const threeMonths = await run([...asOf, 'p.json'], { 'p.json': workedExample });
    expect(threeMonths.stdout).toContain('advancedWindowMonths,3\nstrategicGoalsAdvancedPct,50\n');
  });

  it('names the file when it cannot be read', async () => {
    const { status, stdout, stderr } = await run(['--as-of', '2026-03', 'missing.json']);
    expect(status).toBe(EXIT_INVALID_INPUT);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^missing\.json: cannot be read \(ENOENT/);
  });

  it('reports a file that is not JSON', async () => {
    const { status, stdout, stderr } = await run(['--as-of', '2026-03', 'p.json'], {
      'p.json': '{ "format": ',
    });
    expect(status).toBe(EXIT_INVALID_INPUT);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^\(root\): is not valid JSON \(/);
  });

  it('reports a wrong format or version', async () => {
    const { status, stderr } = await run(['--as-of', '2026-03', 'p.json'], {
      'p.json': JSON.stringify({ format: 'value-layer.portfolio', version: 2 }),
    });
    expect(status).toBe(EXIT_INVALID_INPUT);
    expect(stderr).toBe('version: must be 1\n');
  });

  it.each([
    [['p.json']],
    [['--as-of', '2026-13', 'p.json']],
    [['--as-of', '2026-03']],
    [['--as-of', '2026-03', '--format', 'xml', 'p.json']],
    [['--as-of', '2026-03', '--verbose', 'p.json']],
    [['--as-of', '2026-03', '--window-months', '0', 'p.json']],
    [['--as-of', '2026-03', '--window-months', 'three', 'p.json']],
    [['--as-of', '2026-03', '--seed', '5', 'p.json']],
    [['--as-of', '2026-03', '--ranges', '--draws', '0', 'p.json']],
    [['--as-of', '2026-03', '--ranges', '--seed', '-1', 'p.json']],
  ])('exits with a usage error for %j', async (args) => {
    const { status, stdout, stderr } = await run(args, { 'p.json': workedExample });
    expect(status).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr).toContain('usage: report --as-of YYYY-MM');
  });

  describe('--ranges', () => {
    it('adds the seeded risk ranges to the JSON, the same for the same seed', async () => {
      const args = ['--as-of', '2026-03', '--ranges', '--draws', '500', '--seed', '42', 'p.json'];
      const first = await run(args, { 'p.json': workedExample });
      const again = await run(args, { 'p.json': workedExample });
      const other = await run([...args.slice(0, -2), '43', 'p.json'], { 'p.json': workedExample });

      expect(first.status).toBe(EXIT_OK);
      expect(again.stdout).toBe(first.stdout);
      const { ranges } = JSON.parse(first.stdout) as {
        ranges: {
          seed: number;
          draws: number;
          horizon: string;
          portfolio: { npv: { p10: number; p50: number; p90: number } };
        };
      };
      expect(ranges).toMatchObject({ seed: 42, draws: 500, horizon: '2027-03' });
      expect(ranges.portfolio.npv.p10).toBeLessThanOrEqual(ranges.portfolio.npv.p50);
      expect(ranges.portfolio.npv.p50).toBeLessThanOrEqual(ranges.portfolio.npv.p90);
      expect((JSON.parse(other.stdout) as { ranges: { seed: number } }).ranges.seed).toBe(43);
    });

    it('prints the ranges with their seed as a Markdown table and a CSV table', async () => {
      const md = await run(['--as-of', '2026-03', '--format', 'md', '--ranges', 'p.json'], {
        'p.json': workedExample,
      });
      const csv = await run(['--as-of', '2026-03', '--format', 'csv', '--ranges', '--seed', '9', 'p.json'], {
        'p.json': workedExample,
      });

      expect(md.stdout).toMatch(/## Risk ranges \(P10 \/ P50 \/ P90\)\n\nSeed \d+ · 2,000 draws/);
      expect(md.stdout).toContain('| Scope | NPV range | Benefit by horizon range | Total cost range |');
      expect(md.stdout).toMatch(/\| \*\*Portfolio\*\* \| -?[\d,.]+ \/ -?[\d,.]+ \/ -?[\d,.]+ \|/);
      expect(csv.stdout).toContain('seed,9,draws,2000,horizon,2027-03,correlation,0\n');
      expect(csv.stdout).toContain('scope,key,npvP10,npvP50,npvP90,');
    });

    it('leaves the ranges out unless asked', async () => {
      const { stdout } = await run(['--as-of', '2026-03', 'p.json'], { 'p.json': workedExample });

      expect(JSON.parse(stdout)).not.toHaveProperty('ranges');
    });
  });
});
