import { assert } from '../assert';
import { BENEFIT_KINDS, benefitSignOf, type BenefitKind, type MonthlyAmount } from '../model/benefit';
import type { Epic } from '../model/epic';
import { DOMAIN_MESSAGES } from '../messages';
import { weighMinorUnits, weightOf } from '../money/weighted-amount';
import { monthIndexOf, yearMonthOf, type MonthIndex } from '../time/year-month';
import {
  BASELINE_SERIES,
  emptyTotals,
  MONTHLY_SERIES,
  OBJECTIVE_SERIES,
  type MonthlySeries,
  type ObjectiveSeries,
  type ValueTotals,
} from './value-totals';

/*
 * The mutable working form of `ValueTotals`, private to the domain. Series are rows of one array
 * laid out row after row over a shared month axis (`origin` .. `origin + width - 1`), so adding
 * an epic or an aggregate is a tight loop over aligned rows instead of string-keyed object
 * writes. Doubles hold every integer below 2^53 exactly; `toValueTotals` checks that no sum
 * reached that bound.
 *
 * This is the engine's hot path (millions of entries for 100k epics), hence plain loops, no
 * closures created per epic, and one reused workspace instead of allocations per epic. Rows are
 * plain arrays rather than Float64Arrays: typed arrays live outside the JS heap, and allocating
 * thousands of them makes V8 run full garbage collections over the whole (large) heap.
 */

/** Rows of doubles, `rowCount x width`, row after row. */
type Rows = number[];

function zeros(length: number): Rows {
  return new Array<number>(length).fill(0);
}

const ROW_PLANNED_BENEFIT = MONTHLY_SERIES.indexOf('plannedBenefit');
const ROW_REALISED_BENEFIT = MONTHLY_SERIES.indexOf('realisedBenefit');
const ROW_REALISED_VERIFIED = MONTHLY_SERIES.indexOf('realisedVerified');
const ROW_RISK_WEIGHTED = MONTHLY_SERIES.indexOf('riskWeightedPlannedBenefit');
const ROW_PLANNED_COST = MONTHLY_SERIES.indexOf('plannedCost');
const ROW_ACTUAL_COST = MONTHLY_SERIES.indexOf('actualCost');
const FIRST_KIND_ROW = MONTHLY_SERIES.length;
const FIRST_BASELINE_ROW = FIRST_KIND_ROW + BENEFIT_KINDS.length;
const ROW_BASELINE_APPROVED = FIRST_BASELINE_ROW + BASELINE_SERIES.indexOf('approvedPlannedBenefit');
const ROW_BASELINE_CURRENT = FIRST_BASELINE_ROW + BASELINE_SERIES.indexOf('currentPlannedBenefit');
const ROW_BASELINE_REALISED = FIRST_BASELINE_ROW + BASELINE_SERIES.indexOf('realisedBenefit');
const MAIN_ROW_COUNT = FIRST_BASELINE_ROW + BASELINE_SERIES.length;
const OBJECTIVE_ROW_COUNT = OBJECTIVE_SERIES.length;

const KIND_ROW = Object.fromEntries(
  BENEFIT_KINDS.map((kind, index) => [kind, FIRST_KIND_ROW + index]),
) as Record<BenefitKind, number>;

/** Which main row feeds each objective row, in `OBJECTIVE_SERIES` order (same names). */
const OBJECTIVE_SOURCE_ROWS = OBJECTIVE_SERIES.map((name) => MONTHLY_SERIES.indexOf(name));

/** Converts an entry's amount to minor units: identity for the model, decimal -> minor for records. */
export type MinorUnitsOf<TAmount> = (amount: TAmount) => number;

export interface TotalsBuffer {
  epicCount: number;
  baselinedEpicCount: number;
  promoters: number;
  passives: number;
  detractors: number;
  origin: MonthIndex;
  width: number;
  main: Rows;
  objectives: Map<string, Rows>;
}

export function createTotalsBuffer(): TotalsBuffer {
  return {
    epicCount: 0,
    baselinedEpicCount: 0,
    promoters: 0,
    passives: 0,
    detractors: 0,
    origin: 0,
    width: 0,
    main: [],
    objectives: new Map(),
  };
}

function relayout(rows: Rows, rowCount: number, from: TotalsBuffer, origin: number, width: number): Rows {
  const moved = zeros(rowCount * width);
  const shift = from.origin - origin;
  for (let row = 0; row < rowCount; row += 1) {
    for (let column = 0; column < from.width; column += 1) {
      moved[row * width + shift + column] = rows[row * from.width + column] ?? 0;
    }
  }
  return moved;
}

/** Widens the month axis so that it covers `first` .. `last`, keeping every value in place. */
function coverMonths(buffer: TotalsBuffer, first: MonthIndex, last: MonthIndex): void {
  const end = buffer.origin + buffer.width;
  if (buffer.width > 0 && first >= buffer.origin && last < end) {
    return;
  }
  let origin = first;
  let width = last - first + 1;
  if (buffer.width > 0) {
    const low = Math.min(first, buffer.origin);
    const high = Math.max(last, end - 1);
    // Grow by at least half so that epics reaching a month further each time do not copy the
    // buffer each time; the slack goes on the side that grew.
    width = Math.max(high - low + 1, Math.ceil(buffer.width * 1.5));
    origin = first < buffer.origin ? high - width + 1 : low;
  }
  const main = relayout(buffer.main, MAIN_ROW_COUNT, buffer, origin, width);
  for (const [objectiveId, rows] of buffer.objectives) {
    buffer.objectives.set(objectiveId, relayout(rows, OBJECTIVE_ROW_COUNT, buffer, origin, width));
  }
  buffer.main = main;
  buffer.origin = origin;
  buffer.width = width;
}

function objectiveRows(buffer: TotalsBuffer, objectiveId: string): Rows {
  let rows = buffer.objectives.get(objectiveId);
  if (rows === undefined) {
    rows = zeros(OBJECTIVE_ROW_COUNT * buffer.width);
    buffer.objectives.set(objectiveId, rows);
  }
  return rows;
}

/** `target[start + column] += series[column]` for every column of `series`. */
function addSeries(target: Rows, start: number, series: readonly number[]): void {
  for (let column = 0; column < series.length; column += 1) {
    target[start + column] = (target[start + column] ?? 0) + (series[column] ?? 0);
  }
}

/**
 * One epic reduced to its monthly rows, over exactly the epic's months. Reused from epic to epic
 * (`reduceEpic` overwrites it), so that reducing a portfolio allocates nothing per epic.
 *
 * Each row also records the span of columns that hold entries: an epic's costs fall in its
 * delivery months and its benefits after them, so adding only the spans to a total does a
 * fraction of the work of adding whole rows.
 */
export interface EpicReduction {
  /** First and last month of the current epic's entries. */
  origin: MonthIndex;
  lastMonth: MonthIndex;
  /** Months covered by the current epic; 0 when it has no dated entry. */
  width: number;
  /** `MAIN_ROW_COUNT` rows of `width` columns (capacity may be larger). */
  main: Rows;
  /** Per main row, the first and last column with an entry; first > last when the row is empty. */
  spanFirst: number[];
  spanLast: number[];
  /**
   * The epic's entries read once from the epic (row, month index, minor units), so that the
   * epic's objects are walked a single time: reading them is what costs, in cache misses.
   */
  stagedCount: number;
  stagedRow: number[];
  stagedMonth: number[];
  stagedAmount: number[];
  /** The current epic's objective links: ids, and `OBJECTIVE_ROW_COUNT` rows of `width` each. */
  linkCount: number;
  linkIds: string[];
  linkRows: Rows[];
  promoters: number;
  passives: number;
  detractors: number;
  /** 1 when the current epic has an approved baseline. */
  baselined: number;
}

export function createEpicReduction(): EpicReduction {
  return {
    origin: 0,
    lastMonth: 0,
    width: 0,
    main: zeros(MAIN_ROW_COUNT * 36),
    spanFirst: zeros(MAIN_ROW_COUNT),
    spanLast: zeros(MAIN_ROW_COUNT),
    stagedCount: 0,
    stagedRow: [],
    stagedMonth: [],
    stagedAmount: [],
    linkCount: 0,
    linkIds: [],
    linkRows: [],
    promoters: 0,
    passives: 0,
    detractors: 0,
    baselined: 0,
  };
}

/** Records one entry for `row`, widening the epic's month range (`origin` .. `lastMonth`) to it. */
function stage(reduction: EpicReduction, row: number, month: MonthIndex, amount: number): void {
  const index = reduction.stagedCount;
  reduction.stagedRow[index] = row;
  reduction.stagedMonth[index] = month;
  reduction.stagedAmount[index] = amount;
  reduction.stagedCount = index + 1;
  if (month < reduction.origin) {
    reduction.origin = month;
  }
  if (month > reduction.lastMonth) {
    reduction.lastMonth = month;
  }
}

function stageEntries<TAmount>(
  reduction: EpicReduction,
  row: number,
  entries: readonly MonthlyAmount<TAmount>[],
  minorUnitsOf: MinorUnitsOf<TAmount>,
  sign: 1 | -1 = 1,
): void {
  // Indexed loops, here and below: until the JIT optimises them, for-of loops allocate an
  // iterator result per element, and the first report in a process runs mostly unoptimised.
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index];
    if (entry !== undefined) {
      stage(reduction, row, monthIndexOf(entry.month), sign * minorUnitsOf(entry.amount));
    }
  }
}

function addAt(reduction: EpicReduction, row: number, column: number, amount: number): void {
  const position = row * reduction.width + column;
  reduction.main[position] = (reduction.main[position] ?? 0) + amount;
  if (column < (reduction.spanFirst[row] ?? 0)) {
    reduction.spanFirst[row] = column;
  }
  if (column > (reduction.spanLast[row] ?? 0)) {
    reduction.spanLast[row] = column;
  }
}

/**
 * Reduces one epic into `reduction`, replacing what it held. This is where the engine's only
 * rounding happens: the epic's planned benefit for each month is summed over its benefits first,
 * then weighted by the success probability (and each monthly amount by each objective share),
 * rounding half-to-even once per epic-month.
 */
export function reduceEpic<TAmount>(
  reduction: EpicReduction,
  epic: Epic<TAmount>,
  minorUnitsOf: MinorUnitsOf<TAmount>,
): void {
  const { value } = epic;
  const { nps } = value;
  const surveyed =
    epic.status === 'done' && nps !== null && nps.promoters + nps.passives + nps.detractors > 0;
  reduction.promoters = surveyed ? nps.promoters : 0;
  reduction.passives = surveyed ? nps.passives : 0;
  reduction.detractors = surveyed ? nps.detractors : 0;
  reduction.linkCount = 0;

  reduction.origin = Number.POSITIVE_INFINITY;
  reduction.lastMonth = Number.NEGATIVE_INFINITY;
  reduction.stagedCount = 0;
  const { baseline } = value;
  reduction.baselined = baseline === undefined ? 0 : 1;
  for (let benefitIndex = 0; benefitIndex < value.benefits.length; benefitIndex += 1) {
    const benefit = value.benefits[benefitIndex];
    if (benefit === undefined) {
      continue;
    }
    // A dis-benefit counts against the benefits it sits beside: netted into the plan, the realised
    // amounts and so every KPI built on them; its own kind row keeps its size apart (positive).
    const sign = benefitSignOf(benefit.kind);
    stageEntries(reduction, ROW_PLANNED_BENEFIT, benefit.planned, minorUnitsOf, sign);
    if (baseline !== undefined) {
      stageEntries(reduction, ROW_BASELINE_CURRENT, benefit.planned, minorUnitsOf, sign);
      stageEntries(reduction, ROW_BASELINE_REALISED, benefit.realised, minorUnitsOf, sign);
    }
    const kindRow = KIND_ROW[benefit.kind];
    for (let entryIndex = 0; entryIndex < benefit.realised.length; entryIndex += 1) {
      const entry = benefit.realised[entryIndex];
      if (entry === undefined) {
        continue;
      }
      const month = monthIndexOf(entry.month);
      const amount = minorUnitsOf(entry.amount);
      stage(reduction, ROW_REALISED_BENEFIT, month, sign * amount);
      stage(reduction, kindRow, month, amount);
      if (entry.evidence === 'verified' && sign === 1) {
        stage(reduction, ROW_REALISED_VERIFIED, month, amount);
      }
    }
  }
  stageEntries(reduction, ROW_PLANNED_COST, value.costs.planned, minorUnitsOf);
  stageEntries(reduction, ROW_ACTUAL_COST, value.costs.actual, minorUnitsOf);
  if (baseline !== undefined) {
    for (let benefitIndex = 0; benefitIndex < baseline.benefits.length; benefitIndex += 1) {
      const approved = baseline.benefits[benefitIndex];
      if (approved !== undefined) {
        stageEntries(
          reduction,
          ROW_BASELINE_APPROVED,
          approved.planned,
          minorUnitsOf,
          benefitSignOf(approved.kind),
        );
      }
    }
  }

  const width = Math.max(0, reduction.lastMonth - reduction.origin + 1);
  reduction.width = width;
  if (width === 0) {
    return;
  }
  if (reduction.main.length < MAIN_ROW_COUNT * width) {
    reduction.main = zeros(MAIN_ROW_COUNT * width * 2);
  }
  const { main, spanFirst, spanLast } = reduction;
  main.fill(0, 0, MAIN_ROW_COUNT * width);
  spanFirst.fill(width);
  spanLast.fill(-1);
  for (let index = 0; index < reduction.stagedCount; index += 1) {
    addAt(
      reduction,
      reduction.stagedRow[index] ?? 0,
      (reduction.stagedMonth[index] ?? 0) - reduction.origin,
      reduction.stagedAmount[index] ?? 0,
    );
  }

  const plannedFirst = spanFirst[ROW_PLANNED_BENEFIT] ?? 0;
  const plannedLast = spanLast[ROW_PLANNED_BENEFIT] ?? -1;
  spanFirst[ROW_RISK_WEIGHTED] = plannedFirst;
  spanLast[ROW_RISK_WEIGHTED] = plannedLast;
  const probability = weightOf(value.successProbability).micros;
  for (let column = plannedFirst; column <= plannedLast; column += 1) {
    main[ROW_RISK_WEIGHTED * width + column] = weighMinorUnits(
      main[ROW_PLANNED_BENEFIT * width + column] ?? 0,
      probability,
    );
  }

  // Objective rows are only filled within their source row's span; `addReduction` reads no more.
  for (let linkIndex = 0; linkIndex < value.objectives.length; linkIndex += 1) {
    const link = value.objectives[linkIndex];
    if (link === undefined) {
      continue;
    }
    const index = reduction.linkCount;
    reduction.linkCount += 1;
    reduction.linkIds[index] = link.id;
    let rows = reduction.linkRows[index];
    if (rows === undefined || rows.length < OBJECTIVE_ROW_COUNT * width) {
      rows = zeros(OBJECTIVE_ROW_COUNT * width * 2);
      reduction.linkRows[index] = rows;
    }
    const share = weightOf(link.share).micros;
    for (let row = 0; row < OBJECTIVE_ROW_COUNT; row += 1) {
      const source = OBJECTIVE_SOURCE_ROWS[row] ?? 0;
      for (let column = spanFirst[source] ?? 0; column <= (spanLast[source] ?? -1); column += 1) {
        rows[row * width + column] = weighMinorUnits(main[source * width + column] ?? 0, share);
      }
    }
  }
}

/**
 * Adds rows of the epic held by `reduction` into `targetRows` (laid out over `target`'s months):
 * row `row` of `source` is added over the span of main row `spanRows[row]`.
 */
function addSpans(
  target: TotalsBuffer,
  targetRows: Rows,
  source: Rows,
  spanRows: readonly number[],
  reduction: EpicReduction,
): void {
  const offset = reduction.origin - target.origin;
  for (let row = 0; row < spanRows.length; row += 1) {
    const spanRow = spanRows[row] ?? 0;
    const to = row * target.width + offset;
    const from = row * reduction.width;
    const last = reduction.spanLast[spanRow] ?? -1;
    for (let column = reduction.spanFirst[spanRow] ?? 0; column <= last; column += 1) {
      targetRows[to + column] = (targetRows[to + column] ?? 0) + (source[from + column] ?? 0);
    }
  }
}

const MAIN_ROWS = Array.from({ length: MAIN_ROW_COUNT }, (_, row) => row);

/**
 * Adds the epic held by `reduction` to `target`. With `objectives: false` the per-objective
 * series are left out: groups whose KPIs never look at objectives (programme rows) are then
 * several times cheaper to build.
 */
export function addReduction(
  target: TotalsBuffer,
  reduction: EpicReduction,
  { objectives = true }: { objectives?: boolean } = {},
): void {
  target.epicCount += 1;
  target.baselinedEpicCount += reduction.baselined;
  target.promoters += reduction.promoters;
  target.passives += reduction.passives;
  target.detractors += reduction.detractors;
  const { width, origin } = reduction;
  if (width === 0) {
    return;
  }
  coverMonths(target, origin, origin + width - 1);
  addSpans(target, target.main, reduction.main, MAIN_ROWS, reduction);
  if (!objectives) {
    return;
  }
  for (let index = 0; index < reduction.linkCount; index += 1) {
    const rows = reduction.linkRows[index];
    const objectiveId = reduction.linkIds[index];
    if (rows !== undefined && objectiveId !== undefined) {
      addSpans(target, objectiveRows(target, objectiveId), rows, OBJECTIVE_SOURCE_ROWS, reduction);
    }
  }
}

/** Adds stored totals into `target`. */
export function addTotals(target: TotalsBuffer, totals: ValueTotals): void {
  target.epicCount += totals.epicCount;
  target.baselinedEpicCount += totals.baseline.epicCount;
  target.promoters += totals.npsOfDoneEpics.promoters;
  target.passives += totals.npsOfDoneEpics.passives;
  target.detractors += totals.npsOfDoneEpics.detractors;
  if (totals.firstMonth === null) {
    return;
  }
  const length = totals.monthly.plannedBenefit.length;
  const first = monthIndexOf(totals.firstMonth);
  coverMonths(target, first, first + length - 1);
  const offset = first - target.origin;
  const mainRows = [
    ...MONTHLY_SERIES.map((name) => totals.monthly[name]),
    ...BENEFIT_KINDS.map((kind) => totals.realisedByKind[kind]),
    ...BASELINE_SERIES.map((name) => totals.baseline[name]),
  ];
  mainRows.forEach((series, row) => {
    addSeries(target.main, row * target.width + offset, series);
  });
  for (const [objectiveId, series] of Object.entries(totals.byObjective)) {
    const rows = objectiveRows(target, objectiveId);
    OBJECTIVE_SERIES.forEach((name, row) => {
      addSeries(rows, row * target.width + offset, series[name]);
    });
  }
}

function usedColumns(buffer: TotalsBuffer): { first: number; last: number } | null {
  let first = buffer.width;
  let last = -1;
  const scan = (rows: Rows, rowCount: number) => {
    for (let row = 0; row < rowCount; row += 1) {
      const start = row * buffer.width;
      for (let column = 0; column < first; column += 1) {
        if (rows[start + column] !== 0) {
          first = column;
          break;
        }
      }
      for (let column = buffer.width - 1; column > last; column -= 1) {
        if (rows[start + column] !== 0) {
          last = column;
          break;
        }
      }
    }
  };
  scan(buffer.main, MAIN_ROW_COUNT);
  for (const rows of buffer.objectives.values()) {
    scan(rows, OBJECTIVE_ROW_COUNT);
  }
  return first <= last ? { first, last } : null;
}

function seriesOf(rows: Rows, row: number, width: number, first: number, last: number): number[] {
  const values = rows.slice(row * width + first, row * width + last + 1);
  // Amounts are at most 10^15 minor units and dis-benefits only subtract what benefits could add,
  // so a final value within ±MAX_SAFE_INTEGER shows the sums stayed in the exact range.
  for (const value of values) {
    assert(Math.abs(value) <= Number.MAX_SAFE_INTEGER, DOMAIN_MESSAGES.TOTALS_OVERFLOW);
  }
  return values;
}

/** The canonical, JSON-ready `ValueTotals` of a buffer (see `ValueTotals` for the canonical form). */
export function toValueTotals(buffer: TotalsBuffer): ValueTotals {
  const npsOfDoneEpics = {
    promoters: buffer.promoters,
    passives: buffer.passives,
    detractors: buffer.detractors,
  };
  const used = usedColumns(buffer);
  if (used === null) {
    const empty = emptyTotals();
    return {
      ...empty,
      epicCount: buffer.epicCount,
      npsOfDoneEpics,
      baseline: { ...empty.baseline, epicCount: buffer.baselinedEpicCount },
    };
  }
  const { first, last } = used;
  const { width } = buffer;
  const main = (row: number) => seriesOf(buffer.main, row, width, first, last);
  const monthly: MonthlySeries = {
    plannedBenefit: main(ROW_PLANNED_BENEFIT),
    realisedBenefit: main(ROW_REALISED_BENEFIT),
    realisedVerified: main(ROW_REALISED_VERIFIED),
    riskWeightedPlannedBenefit: main(ROW_RISK_WEIGHTED),
    plannedCost: main(ROW_PLANNED_COST),
    actualCost: main(ROW_ACTUAL_COST),
  };
  const realisedByKind: ValueTotals['realisedByKind'] = {
    revenue: main(KIND_ROW.revenue),
    cost_saving: main(KIND_ROW.cost_saving),
    cost_avoidance: main(KIND_ROW.cost_avoidance),
    risk_reduction: main(KIND_ROW.risk_reduction),
    customer: main(KIND_ROW.customer),
    strategic: main(KIND_ROW.strategic),
    dis_benefit: main(KIND_ROW.dis_benefit),
  };
  const objectiveIds = [...buffer.objectives.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byObjective: [string, ObjectiveSeries][] = [];
  for (const objectiveId of objectiveIds) {
    const rows = objectiveRows(buffer, objectiveId);
    const row = (name: (typeof OBJECTIVE_SERIES)[number]) =>
      seriesOf(rows, OBJECTIVE_SERIES.indexOf(name), width, first, last);
    const series: ObjectiveSeries = {
      plannedBenefit: row('plannedBenefit'),
      realisedBenefit: row('realisedBenefit'),
      riskWeightedPlannedBenefit: row('riskWeightedPlannedBenefit'),
      plannedCost: row('plannedCost'),
      actualCost: row('actualCost'),
    };
    if (Object.values(series).some((values) => values.some((value) => value !== 0))) {
      byObjective.push([objectiveId, series]);
    }
  }
  return {
    epicCount: buffer.epicCount,
    npsOfDoneEpics,
    firstMonth: yearMonthOf(buffer.origin + first),
    monthly,
    realisedByKind,
    byObjective: Object.fromEntries(byObjective),
    baseline: {
      epicCount: buffer.baselinedEpicCount,
      approvedPlannedBenefit: main(ROW_BASELINE_APPROVED),
      currentPlannedBenefit: main(ROW_BASELINE_CURRENT),
      realisedBenefit: main(ROW_BASELINE_REALISED),
    },
  };
}
