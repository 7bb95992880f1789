import { formatMonth } from '../../shared/format';
import { getIn, segmentsOf, type Draft } from './draft';
import { parseMonth } from '../../shared/months';

const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  kind: 'kind',
  month: 'month',
  amount: 'amount',
  evidence: 'evidence',
  note: 'note',
  evidenceLink: 'evidence link',
  owner: 'owner',
  measure: 'measure',
  name: 'what is measured',
  unit: 'unit',
  baseline: 'baseline',
  target: 'target',
  method: 'how it is measured',
  methodLink: 'method link',
  share: 'share',
  successProbability: 'Success probability',
  promoters: 'NPS promoters',
  passives: 'NPS passives',
  detractors: 'NPS detractors',
  objectives: 'Objective shares',
  low: 'low case',
  likely: 'likely case',
  high: 'high case',
  basis: 'range in',
};

/**
 * The draft's path for a server field path. The server lists ranges apart
 * (`value.ranges.benefits[1].low`: the second benefit that has one; `value.ranges.costOverrun.low`);
 * the form keeps each range with its benefit (`value.benefits[3].range.low`) and the overrun at
 * `value.costOverrun`. Other paths are the same in both.
 */
export function draftPathOf(path: string, draft: Draft): string {
  const overrun = /^value\.ranges\.costOverrun(.*)$/.exec(path);
  if (overrun) return `value.costOverrun${overrun[1] ?? ''}`;
  const benefitRange = /^value\.ranges\.benefits\[(\d+)\](.*)$/.exec(path);
  if (!benefitRange) return path;
  const ranged = draft.benefits
    .map((benefit, index) => ({ benefit, index }))
    .filter(({ benefit }) =>
      [benefit.range.low, benefit.range.likely, benefit.range.high].some((t) => t.trim() !== ''),
    );
  const at = ranged[Number(benefitRange[1])]?.index;
  const rest = benefitRange[2] === '.benefitId' ? '' : (benefitRange[2] ?? '');
  return at === undefined ? path : `value.benefits[${String(at)}].range${rest}`;
}

/** Where a field error is, in words (`“Conversion uplift”, planned benefit, Mar 2026: amount`). */
export function describePath(
  path: string,
  draft: Draft,
  objectiveNames: ReadonlyMap<string, string>,
): string {
  const segments = segmentsOf(path);
  const [first, second, third, fourth, fifth] = segments;
  const leaf = FIELD_NAMES[String(segments.at(-1))] ?? String(segments.at(-1));
  const rowName = (series: string, index: unknown) => {
    const raw = getIn(draft, `${series}[${String(index)}].month`);
    const month = parseMonth(typeof raw === 'string' ? raw : '');
    return month === null ? `row ${String(Number(index) + 1)}` : formatMonth(month);
  };
  if (first === 'benefits' && typeof second === 'number') {
    const title = draft.benefits[second]?.title.trim();
    const benefit = title ? `“${title}”` : `Benefit ${String(second + 1)}`;
    if (third === 'planned' || third === 'realised') {
      const series = `value.benefits[${String(second)}].${third}`;
      return `${benefit}, ${third === 'planned' ? 'planned' : 'realised'} ${rowName(series, fourth)}: ${FIELD_NAMES[String(fifth)] ?? ''}`;
    }
    if (third === 'measure' && fourth !== undefined) return `${benefit}, measure: ${leaf}`;
    if (third === 'range' && fourth !== undefined) return `${benefit}, range: ${leaf}`;
    return `${benefit}: ${leaf}`;
  }
  if (first === 'costs' && (second === 'planned' || second === 'actual')) {
    return `${second === 'planned' ? 'Planned cost' : 'Actual cost'}, ${rowName(`value.costs.${second}`, third)}: ${FIELD_NAMES[String(fourth)] ?? ''}`;
  }
  if (first === 'costOverrun') return `Cost overrun range${second === undefined ? '' : `: ${leaf}`}`;
  if (first === 'objectives' && typeof second === 'number') {
    const id = draft.objectives[second]?.id;
    return `${id === undefined ? `Objective ${String(second + 1)}` : (objectiveNames.get(id) ?? id)}: ${leaf}`;
  }
  return leaf.charAt(0).toUpperCase() + leaf.slice(1);
}

/** The card that has to be open for the field at `path` to be on screen. */
export function cardOf(path: string, draft: Draft): string | null {
  const [first, second] = segmentsOf(path);
  if (first === 'benefits' && typeof second === 'number') {
    const benefit = draft.benefits[second];
    return benefit === undefined ? null : `benefit:${benefit.id}`;
  }
  if (first === 'costs' && (second === 'planned' || second === 'actual')) return `costs:${second}`;
  return null;
}

/** Errors under a path prefix, for the count on a collapsed card. */
export function problemsUnder(errors: Record<string, string>, prefix: string): number {
  return Object.keys(errors).filter(
    (path) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`),
  ).length;
}
