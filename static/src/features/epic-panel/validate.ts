import type { EpicValueDocument } from '../../../../src/contract/epic-value.schema';
import type { AmountRow, Draft, MeasureDraft, OverrunDraft, RangeDraft } from './draft';
import { formatMonth } from '../../shared/format';
import { isValidMonth, parseMonth } from '../../shared/months';
import { otherCurrencyMessage, parseDecimal } from './numbers';

/** The contract's limits (src/contract/primitives.schema.ts), restated so zod stays out of the bundle. */
export const MAX_AMOUNT = 1_000_000_000_000;
const MAX_TITLE = 255;
const WEIGHT_DECIMALS = 6;
/** benefit-profile.schema.ts: measure name, unit, method and note lengths, link length. */
const MAX_MEASURE_NAME = 255;
const MAX_UNIT = 50;
const MAX_LONG_TEXT = 2000;
/** Decimals a measure's baseline or target may have (a rate such as 0.125%). */
const MEASURE_DECIMALS = 6;
const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$/;
/** epic-ranges.schema.ts: percentages with 2 decimals; a benefit 0 to 1000% of plan, an overrun -100 to 1000%. */
const RANGE_PERCENT_DECIMALS = 2;
const MAX_RANGE_PERCENT = 1000;
const MIN_OVERRUN_PERCENT = -100;
const RANGE_POINTS = ['low', 'likely', 'high'] as const;

/** Whether `text` is a link a reader can open safely: https only, as the server requires. */
export function isHttpsLink(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

/** What a link that is not https is told, beside its field. */
export const HTTPS_LINK_MESSAGE =
  'Enter a link that starts with https://, such as https://example.com/report.';

/** Messages by field path, in the server's notation (`value.benefits[0].planned[1].amount`). */
export type FieldErrors = Record<string, string>;

export interface ReadDraft {
  /** The value to send; only meaningful when `errors` is empty. */
  value: EpicValueDocument;
  errors: FieldErrors;
}

const wholeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/**
 * Checks the draft as the server will (the contract's epic value schema and the site currency's
 * decimals) and builds the value to save. Each problem is reported on the field that holds it.
 */
export function readDraft(
  draft: Draft,
  { currency, decimals }: { currency: string; decimals: number },
): ReadDraft {
  const errors: FieldErrors = {};
  const scale = 10 ** decimals;

  const amountOf = (text: string, path: string): number => {
    const parsed = parseDecimal(text, decimals, undefined, currency);
    if (!parsed.ok) {
      errors[path] =
        parsed.reason === 'currency'
          ? otherCurrencyMessage(text, currency)
          : parsed.reason === 'empty'
            ? 'Enter an amount.'
            : parsed.reason === 'invalid'
              ? `Enter a number, such as ${(1250.5).toLocaleString(undefined, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}.`
              : decimals === 0
                ? `Enter a whole number: ${currency} has no minor unit.`
                : `Use at most ${String(decimals)} decimals.`;
      return 0;
    }
    const amount = parsed.units / scale;
    if (amount < 0) errors[path] = 'Enter 0 or more.';
    else if (amount > MAX_AMOUNT) errors[path] = `Enter at most ${wholeFormat.format(MAX_AMOUNT)}.`;
    return amount;
  };

  const monthOf = (text: string, path: string): string => {
    if (text.trim() === '') {
      errors[path] = 'Enter a month, such as 2026-03.';
      return text;
    }
    const month = parseMonth(text);
    if (month === null || !isValidMonth(month)) {
      errors[path] = 'Enter a month as YYYY-MM, between 1900-01 and 2199-12.';
      return text;
    }
    return month;
  };

  const seriesOf = <Row extends AmountRow>(rows: readonly Row[], path: string) => {
    const seen = new Set<string>();
    return rows.map((row, index) => {
      const month = monthOf(row.month, `${path}[${String(index)}].month`);
      if (isValidMonth(month)) {
        if (seen.has(month))
          errors[`${path}[${String(index)}].month`] = `${formatMonth(month)} is already in this list.`;
        seen.add(month);
      }
      return { row, month, amount: amountOf(row.amount, `${path}[${String(index)}].amount`) };
    });
  };

  const percentOf = (text: string, path: string, { above }: { above: boolean }): number => {
    const parsed = parseDecimal(text.replace(/%\s*$/, ''), WEIGHT_DECIMALS - 2);
    const range = above ? 'above 0% and at most 100%' : 'from 0% to 100%';
    if (!parsed.ok) {
      errors[path] =
        parsed.reason === 'decimals' ? 'Use at most 4 decimals.' : `Enter a percentage ${range}.`;
      return 0;
    }
    // Integer millionths, so the fraction is exactly the decimal the user typed.
    const micros = parsed.units;
    if (micros > 1_000_000 || micros < 0 || (above && micros === 0))
      errors[path] = `Enter a percentage ${range}.`;
    return micros / 1_000_000;
  };

  const countOf = (text: string, path: string): number => {
    const parsed = parseDecimal(text, 0);
    if (!parsed.ok || parsed.units < 0 || !Number.isSafeInteger(parsed.units)) {
      errors[path] =
        parsed.ok || parsed.reason !== 'empty' ? 'Enter a whole number, 0 or more.' : 'Enter a count.';
      return 0;
    }
    return parsed.units;
  };

  const textOf = (raw: string, path: string, max: number): string => {
    const text = raw.trim();
    if (text.length > max) errors[path] = `Use at most ${max.toLocaleString('en')} characters.`;
    return text;
  };

  const linkOf = (raw: string, path: string): string => {
    const link = textOf(raw, path, MAX_LONG_TEXT);
    if (link !== '' && !isHttpsLink(link) && errors[path] === undefined) errors[path] = HTTPS_LINK_MESSAGE;
    return link;
  };

  const measureNumberOf = (text: string, path: string, what: string): number => {
    const parsed = parseDecimal(text, MEASURE_DECIMALS);
    if (!parsed.ok) {
      errors[path] =
        parsed.reason === 'empty'
          ? `Enter the ${what}, a number such as 12.5.`
          : parsed.reason === 'decimals'
            ? `Use at most ${String(MEASURE_DECIMALS)} decimals.`
            : `Enter the ${what} as a number, such as 12.5; the unit goes in Unit.`;
      return 0;
    }
    return parsed.units / 10 ** MEASURE_DECIMALS;
  };

  /** No measure when every field is blank; otherwise each field but the link is needed. */
  const measureOf = (typed: MeasureDraft, path: string) => {
    const fields = [typed.name, typed.unit, typed.baseline, typed.target, typed.method, typed.methodLink];
    if (fields.every((text) => text.trim() === '')) return undefined;
    const required = (field: 'name' | 'unit' | 'method', max: number, missing: string) => {
      const text = textOf(typed[field], `${path}.${field}`, max);
      if (text === '') errors[`${path}.${field}`] = missing;
      return text;
    };
    const name = required(
      'name',
      MAX_MEASURE_NAME,
      'Enter what is measured, such as “Average handling time”.',
    );
    const unit = required('unit', MAX_UNIT, 'Enter the unit, such as “minutes” or “%”.');
    const baseline = measureNumberOf(typed.baseline, `${path}.baseline`, 'baseline');
    const target = measureNumberOf(typed.target, `${path}.target`, 'target');
    const method = required(
      'method',
      MAX_LONG_TEXT,
      'Enter how it is measured, such as the report it comes from.',
    );
    const methodLink = linkOf(typed.methodLink, `${path}.methodLink`);
    return { name, unit, baseline, target, method, ...(methodLink === '' ? {} : { methodLink }) };
  };

  const rangePercentOf = (text: string, path: string, min: number): number => {
    const parsed = parseDecimal(text.replace(/%\s*$/, ''), RANGE_PERCENT_DECIMALS);
    const bounds = `from ${String(min)}% to ${String(MAX_RANGE_PERCENT)}%`;
    if (!parsed.ok) {
      errors[path] =
        parsed.reason === 'decimals'
          ? `Use at most ${String(RANGE_PERCENT_DECIMALS)} decimals.`
          : `Enter a percentage ${bounds}.`;
      return 0;
    }
    const percent = parsed.units / 10 ** RANGE_PERCENT_DECIMALS;
    if (percent < min || percent > MAX_RANGE_PERCENT) errors[path] = `Enter a percentage ${bounds}.`;
    return percent;
  };

  /**
   * Low, likely and high, or nothing when all three are blank (the evidence default applies).
   * One typed asks for the others; likely is at least low and high at least likely.
   */
  const threePointOf = (
    typed: { low: string; likely: string; high: string },
    path: string,
    read: (text: string, at: string) => number,
  ): { low: number; likely: number; high: number } | undefined => {
    if (RANGE_POINTS.every((point) => typed[point].trim() === '')) return undefined;
    const [low, likely, high] = RANGE_POINTS.map((point) => {
      const at = `${path}.${point}`;
      if (typed[point].trim() !== '') return read(typed[point], at);
      errors[at] = `Enter the ${point} case too, or leave all three blank for the default.`;
      return 0;
    }) as [number, number, number];
    const clean = (point: string) => errors[`${path}.${point}`] === undefined;
    if (clean('low') && clean('likely') && likely < low)
      errors[`${path}.likely`] = 'Enter at least the low case: low ≤ likely ≤ high.';
    else if (clean('likely') && clean('high') && high < likely)
      errors[`${path}.high`] = 'Enter at least the likely case: low ≤ likely ≤ high.';
    return { low, likely, high };
  };

  const benefitRangeOf = (typed: RangeDraft, path: string, benefitId: string, plannedUnits: number) => {
    const points =
      typed.basis === 'amount'
        ? threePointOf(typed, path, (text, at) => amountOf(text, at))
        : threePointOf(typed, path, (text, at) => rangePercentOf(text, at, 0));
    if (points === undefined) return undefined;
    if (typed.basis === 'amount' && plannedUnits === 0)
      errors[`${path}.basis`] = 'Amounts scale the plan, and nothing is planned yet: use % of plan.';
    return { benefitId, basis: typed.basis, ...points };
  };

  const overrunOf = (typed: OverrunDraft) =>
    threePointOf(typed, 'value.costOverrun', (text, at) => rangePercentOf(text, at, MIN_OVERRUN_PERCENT)) ??
    null;

  const benefitRanges: NonNullable<EpicValueDocument['ranges']>['benefits'] = [];
  const benefits = draft.benefits.map((benefit, index) => {
    const path = `value.benefits[${String(index)}]`;
    const title = benefit.title.trim();
    if (title === '') errors[`${path}.title`] = 'Enter a title.';
    else if (title.length > MAX_TITLE)
      errors[`${path}.title`] = `Use at most ${String(MAX_TITLE)} characters.`;
    const owner = benefit.owner.trim();
    if (owner !== '' && !ACCOUNT_ID.test(owner))
      errors[`${path}.owner`] = 'Pick the owner from Jira’s users again.';
    const measure = measureOf(benefit.measure, `${path}.measure`);
    const planned = seriesOf(benefit.planned, `${path}.planned`).map(({ month, amount }) => ({
      month,
      amount,
    }));
    const plannedUnits = planned.reduce((sum, entry) => sum + Math.round(entry.amount * scale), 0);
    const range = benefitRangeOf(benefit.range, `${path}.range`, benefit.id, plannedUnits);
    if (range !== undefined) benefitRanges.push(range);
    return {
      id: benefit.id,
      kind: benefit.kind,
      title,
      planned,
      realised: seriesOf(benefit.realised, `${path}.realised`).map(({ row, month, amount }, at) => {
        const rowPath = `${path}.realised[${String(at)}]`;
        const note = textOf(row.note, `${rowPath}.note`, MAX_LONG_TEXT);
        const evidenceLink = linkOf(row.evidenceLink, `${rowPath}.evidenceLink`);
        return {
          month,
          amount,
          evidence: row.evidence,
          ...(note === '' ? {} : { note }),
          ...(evidenceLink === '' ? {} : { evidenceLink }),
        };
      }),
      ...(owner === '' ? {} : { owner }),
      ...(measure === undefined ? {} : { measure }),
    };
  });

  let shareMicros = 0;
  const objectives = draft.objectives.map((link, index) => {
    const share = percentOf(link.share, `value.objectives[${String(index)}].share`, { above: true });
    shareMicros += Math.round(share * 1_000_000);
    return { id: link.id, share };
  });
  if (shareMicros > 1_000_000) {
    errors['value.objectives'] =
      `The shares add up to ${String(shareMicros / 10_000)}%; together they can be at most 100%.`;
  }

  const value: EpicValueDocument = {
    successProbability: percentOf(draft.successProbability, 'value.successProbability', { above: false }),
    objectives,
    benefits,
    costs: {
      planned: seriesOf(draft.costs.planned, 'value.costs.planned').map(({ month, amount }) => ({
        month,
        amount,
      })),
      actual: seriesOf(draft.costs.actual, 'value.costs.actual').map(({ month, amount }) => ({
        month,
        amount,
      })),
    },
    nps:
      draft.nps === null
        ? null
        : {
            promoters: countOf(draft.nps.promoters, 'value.nps.promoters'),
            passives: countOf(draft.nps.passives, 'value.nps.passives'),
            detractors: countOf(draft.nps.detractors, 'value.nps.detractors'),
          },
    // Always sent, so that clearing every range removes them (the server stores none for empty).
    ranges: { benefits: benefitRanges, costOverrun: overrunOf(draft.costOverrun) },
  };
  return { value, errors };
}

/** Net Promoter Score from survey counts: −100 to 100, null without responses. */
export function npsOf(counts: { promoters: number; passives: number; detractors: number }): number | null {
  const responses = counts.promoters + counts.passives + counts.detractors;
  return responses === 0 ? null : (100 * (counts.promoters - counts.detractors)) / responses;
}
