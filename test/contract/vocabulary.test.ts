import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FINISHING_VERDICT_NAMES, KPI_NAMES, THRESHOLD_NAMES } from '../../src/contract/value-vocabulary';
import { STATUS_LABEL } from '../../static/src/features/gadget/config/kpi-status';
import { TILES, TILE_IDS } from '../../static/src/features/gadget/config/kpi-tiles';
import { RANKING_FIGURES } from '../../static/src/features/planning/ranking-columns';

const ROOT = join(__dirname, '../..');

/**
 * Words retired in favour of the shared vocabulary (value-vocabulary.ts): threshold colours
 * ("Green at", "amber threshold") and the older names of KPIs.
 */
const RETIRED = [
  /\bgreen at\b/i,
  /\bamber at\b/i,
  /\b(green|amber) threshold\b/i,
  /\bthe green one\b/i,
  /benefits realisation rate/i,
  /verified share of realised benefit/i,
];

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory())
      return name === 'node_modules' || name === 'build' ? [] : filesUnder(path);
    return /\.(ts|tsx|md|css|html)$/.test(name) ? [path] : [];
  });
}

describe('the KPI vocabulary', () => {
  it('is the only one used in static/src, src, docs and the README: no retired variant is left', () => {
    const files = [
      ...['static/src', 'src', 'docs'].flatMap((dir) => filesUnder(join(ROOT, dir))),
      join(ROOT, 'README.md'),
    ];
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          RETIRED.some((pattern) => pattern.test(line))
            ? [`${relative(ROOT, file)}:${String(index + 1)}: ${line.trim()}`]
            : [],
        ),
    );

    expect(files.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it('finds a retired variant where one is written', () => {
    expect(RETIRED.some((pattern) => pattern.test('<th>Green at</th>'))).toBe(true);
    expect(RETIRED.some((pattern) => pattern.test('Verified share of realised benefit'))).toBe(true);
    expect(RETIRED.some((pattern) => pattern.test('On target at'))).toBe(false);
  });

  it('names each gadget tile as the vocabulary does', () => {
    for (const id of TILE_IDS) expect(TILES[id].label).toBe(KPI_NAMES[id as keyof typeof KPI_NAMES]);
  });

  it('names each figure of the value planning ranking as the vocabulary does', () => {
    for (const { id, label } of RANKING_FIGURES) expect(label.replace(/ \/ month$/, '')).toBe(KPI_NAMES[id]);
  });

  it('names the stop/continue verdicts in docs/kpis.md as the planning page does', () => {
    const docs = readFileSync(join(ROOT, 'docs/kpis.md'), 'utf8');
    for (const name of Object.values(FINISHING_VERDICT_NAMES)) expect(docs).toContain(`**${name}**`);
  });

  it('calls a tile’s statuses by the words of its thresholds', () => {
    expect(STATUS_LABEL['on-target']).toBe(THRESHOLD_NAMES.green.replace(/ at$/, ''));
    expect(STATUS_LABEL['at-risk']).toBe(THRESHOLD_NAMES.amber.replace(/ at$/, ''));
  });

  it('names every KPI in docs/kpis.md as the vocabulary does', () => {
    const docs = readFileSync(join(ROOT, 'docs/kpis.md'), 'utf8');
    for (const [id, name] of Object.entries(KPI_NAMES))
      expect(docs).toMatch(new RegExp(`\\| \`${id}\` +\\| ${name} +\\|`));
  });
});
