import type { EpicValueDocument } from '../../../../src/contract/epic-value.schema';
import type { BENEFIT_KINDS, EVIDENCE_GRADES } from '../../../../src/contract/value-vocabulary';
import { formatDecimalInput, formatPercentInput } from './numbers';

export type BenefitKind = (typeof BENEFIT_KINDS)[number];
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

/**
 * The form's copy of an epic value: what the user typed, as typed, so nothing they enter is
 * lost or silently rewritten. Rows carry a `key` for React; it is never sent.
 */
export interface AmountRow {
  key: string;
  month: string;
  amount: string;
}

export interface RealisedRow extends AmountRow {
  evidence: EvidenceGrade;
  /** What the amount is, in words; '' for none. */
  note: string;
  /** An https link to the evidence; '' for none. */
  evidenceLink: string;
}

/**
 * How a benefit is measured, as typed. All blank means "no measure"; once any is filled, every
 * field but the link is needed (`benefitMeasureSchema`).
 */
export interface MeasureDraft {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  method: string;
  methodLink: string;
}

export const EMPTY_MEASURE: MeasureDraft = {
  name: '',
  unit: '',
  baseline: '',
  target: '',
  method: '',
  methodLink: '',
};

/**
 * A three-point estimate as typed (issue #17). All three blank means "no range entered": the
 * evidence default applies. `percentOfPlan` takes percentages, `amount` amounts of the whole plan.
 */
export interface RangeDraft {
  basis: 'percentOfPlan' | 'amount';
  low: string;
  likely: string;
  high: string;
}

export const EMPTY_RANGE: RangeDraft = { basis: 'percentOfPlan', low: '', likely: '', high: '' };

/** The epic's cost-overrun range as typed, in percent of the planned cost still to come. */
export interface OverrunDraft {
  low: string;
  likely: string;
  high: string;
}

export const EMPTY_OVERRUN: OverrunDraft = { low: '', likely: '', high: '' };

export interface BenefitDraft {
  id: string;
  kind: BenefitKind;
  title: string;
  /** The benefit owner's Atlassian account id; '' for none. */
  owner: string;
  measure: MeasureDraft;
  range: RangeDraft;
  planned: AmountRow[];
  realised: RealisedRow[];
}

export interface ObjectiveLinkDraft {
  id: string;
  /** A percentage (`50` for a share of 0.5). */
  share: string;
}

export interface NpsDraft {
  promoters: string;
  passives: string;
  detractors: string;
}

export interface Draft {
  /** A percentage. */
  successProbability: string;
  objectives: ObjectiveLinkDraft[];
  benefits: BenefitDraft[];
  costs: { planned: AmountRow[]; actual: AmountRow[] };
  costOverrun: OverrunDraft;
  nps: NpsDraft | null;
}

let rowCounter = 0;

export function rowKey(): string {
  rowCounter += 1;
  return `row-${String(rowCounter)}`;
}

/** A benefit id that is unique within the epic and valid as an identifier. */
export function newBenefitId(existing: readonly { id: string }[]): string {
  const taken = new Set(existing.map((benefit) => benefit.id));
  let candidate = `benefit-${Date.now().toString(36)}`;
  for (let suffix = 2; taken.has(candidate); suffix += 1)
    candidate = `benefit-${Date.now().toString(36)}-${String(suffix)}`;
  return candidate;
}

export function toDraft(value: EpicValueDocument, decimals: number): Draft {
  const amounts = (entries: readonly { month: string; amount: number }[]): AmountRow[] =>
    entries.map((entry) => ({
      key: rowKey(),
      month: entry.month,
      amount: formatDecimalInput(entry.amount, decimals),
    }));
  const ranges = new Map((value.ranges?.benefits ?? []).map((range) => [range.benefitId, range]));
  const rangeDraftOf = (benefitId: string): RangeDraft => {
    const range = ranges.get(benefitId);
    if (range === undefined) return EMPTY_RANGE;
    const text = (point: number) =>
      range.basis === 'amount' ? formatDecimalInput(point, decimals) : String(point);
    return { basis: range.basis, low: text(range.low), likely: text(range.likely), high: text(range.high) };
  };
  const overrun = value.ranges?.costOverrun ?? null;
  return {
    successProbability: formatPercentInput(value.successProbability),
    objectives: value.objectives.map((link) => ({ id: link.id, share: formatPercentInput(link.share) })),
    benefits: value.benefits.map((benefit) => ({
      id: benefit.id,
      kind: benefit.kind,
      title: benefit.title,
      owner: benefit.owner ?? '',
      measure:
        benefit.measure === undefined
          ? EMPTY_MEASURE
          : {
              name: benefit.measure.name,
              unit: benefit.measure.unit,
              baseline: String(benefit.measure.baseline),
              target: String(benefit.measure.target),
              method: benefit.measure.method,
              methodLink: benefit.measure.methodLink ?? '',
            },
      range: rangeDraftOf(benefit.id),
      planned: amounts(benefit.planned),
      realised: benefit.realised.map((entry) => ({
        key: rowKey(),
        month: entry.month,
        amount: formatDecimalInput(entry.amount, decimals),
        evidence: entry.evidence,
        note: entry.note ?? '',
        evidenceLink: entry.evidenceLink ?? '',
      })),
    })),
    costs: { planned: amounts(value.costs.planned), actual: amounts(value.costs.actual) },
    costOverrun:
      overrun === null
        ? EMPTY_OVERRUN
        : { low: String(overrun.low), likely: String(overrun.likely), high: String(overrun.high) },
    nps:
      value.nps === null
        ? null
        : {
            promoters: String(value.nps.promoters),
            passives: String(value.nps.passives),
            detractors: String(value.nps.detractors),
          },
  };
}

/** The draft without React keys, for comparing what the user changed. */
export function comparable(value: unknown): string {
  return JSON.stringify(value, (key, field: unknown) => (key === 'key' ? undefined : field));
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return comparable(a) === comparable(b);
}

// ─── Paths: the server's field paths (`value.benefits[0].planned[1].amount`) address the draft ───

export type PathSegment = string | number;

export function segmentsOf(path: string): PathSegment[] {
  return path
    .replace(/^value\.?/, '')
    .split(/[.[\]]/)
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export function getIn(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const segment of segmentsOf(path)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PathSegment, unknown>)[segment];
  }
  return at;
}

/** A copy of `root` with the value at `path` replaced by `change(old)`. */
export function updateIn<T>(root: T, path: string, change: (old: unknown) => unknown): T {
  const segments = segmentsOf(path);
  const step = (at: unknown, index: number): unknown => {
    if (index === segments.length) return change(at);
    const segment = segments[index] ?? '';
    const container = (at ?? {}) as Record<PathSegment, unknown>;
    const copy: Record<PathSegment, unknown> = Array.isArray(container)
      ? ([...container] as unknown as Record<PathSegment, unknown>)
      : { ...container };
    copy[segment] = step(container[segment], index + 1);
    return copy;
  };
  return step(root, 0) as T;
}

/** An id for the input showing `path`, and for its error message. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/**
 * `next` with the React keys of `previous` where rows line up (same benefit, same position), so
 * a save or a reload of the same data does not remount inputs and throw away the user's focus.
 */
export function withKeysOf(previous: Draft, next: Draft): Draft {
  const keep = <Row extends { key: string }>(old: readonly Row[] | undefined, rows: Row[]): Row[] =>
    rows.map((row, index) => {
      const key = old?.[index]?.key;
      return key === undefined ? row : { ...row, key };
    });
  const before = new Map(previous.benefits.map((benefit) => [benefit.id, benefit]));
  return {
    ...next,
    benefits: next.benefits.map((benefit) => {
      const old = before.get(benefit.id);
      return {
        ...benefit,
        planned: keep(old?.planned, benefit.planned),
        realised: keep(old?.realised, benefit.realised),
      };
    }),
    costs: {
      planned: keep(previous.costs.planned, next.costs.planned),
      actual: keep(previous.costs.actual, next.costs.actual),
    },
  };
}

/** The same draft with fresh React keys (a draft kept from an earlier page has stale ones). */
export function withFreshKeys(draft: Draft): Draft {
  const fresh = <Row extends { key: string }>(rows: readonly Row[]): Row[] =>
    rows.map((row) => ({ ...row, key: rowKey() }));
  return {
    ...draft,
    benefits: draft.benefits.map((benefit) => ({
      ...benefit,
      planned: fresh(benefit.planned),
      realised: fresh(benefit.realised),
    })),
    costs: { planned: fresh(draft.costs.planned), actual: fresh(draft.costs.actual) },
  };
}
