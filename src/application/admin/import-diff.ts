import type { ImportEpicDiff, ImportFieldChange, ImportObjectiveDiff } from '../../contract/admin.contract';
import { currencyExponentOf } from '../../contract/currencies';
import type { EpicValueDocument } from '../../contract/epic-value.schema';
import { measureSummary } from '../../contract/measure-summary';
import type { PortfolioDocument } from '../../contract/portfolio-v1.schema';
import type { AppSettings, StoredObjective } from '../../contract/site-config.schema';
import {
  BENEFIT_KIND_NAMES,
  EVIDENCE_GRADE_NAMES,
  EVIDENCE_GRADES,
  OBJECTIVE_STATUS_NAMES,
  VALUE_DECISION_NAMES,
} from '../../contract/value-vocabulary';
import { valueChanges, type ValueChange } from '../../domain/history/value-changes';
import { AppError } from '../app-error';
import { EMPTY_VALUE } from '../epic-value/epic-value-view';
import { currentValueOf } from '../epic-value/load-epic';
import type { EpicIssue } from '../ports/jira-site';

/*
 * What an import changes, field by field, from → to: the preview shows it, the apply step skips
 * what it would not change, and the audit entry records it.
 */

const text = (field: string, before: string | null, after: string | null): ImportFieldChange => ({
  field,
  unit: 'text',
  before,
  after,
});

/** The file's settings against the site's: only the fields that differ. */
export function settingsDiff(
  site: Pick<AppSettings, 'currency' | 'discountRate'>,
  file: PortfolioDocument['settings'],
): ImportFieldChange[] {
  const changes: ImportFieldChange[] = [];
  if (site.currency !== file.currency) changes.push(text('Currency', site.currency, file.currency));
  if (site.discountRate !== file.discountRate)
    changes.push({
      field: 'Discount rate',
      unit: 'ratio',
      before: site.discountRate,
      after: file.discountRate,
    });
  return changes;
}

type FileObjective = PortfolioDocument['objectives'][number];

/** How an objective's target reads: "€1,000,000 of Revenue by 2027-12-31". */
function targetText(target: StoredObjective['target'] | undefined): string | null {
  if (target === null || target === undefined) return null;
  return `${String(target.amount)} (${target.measure}) by ${target.date}`;
}

/** What importing `file` does to the objective stored as `stored` (undefined: none yet). */
function objectiveChanges(stored: StoredObjective | undefined, file: FileObjective): ImportFieldChange[] {
  const before = stored ?? null;
  const changes: ImportFieldChange[] = [];
  if (before?.name !== file.name) changes.push(text('Name', before?.name ?? null, file.name));
  if (before?.status !== file.status)
    changes.push(
      text(
        'Status',
        before === null ? null : OBJECTIVE_STATUS_NAMES[before.status],
        OBJECTIVE_STATUS_NAMES[file.status],
      ),
    );
  if (before?.weight !== file.weight)
    changes.push({ field: 'Weight', unit: 'number', before: before?.weight ?? null, after: file.weight });
  // A file without `target` (written before targets existed) keeps the stored one.
  if (file.target !== undefined) {
    const was = targetText(before?.target);
    const will = targetText(file.target);
    if (was !== will) changes.push(text('Target', was, will));
  }
  return changes;
}

/** Every objective of the file: new, changed (field by field) or unchanged. */
export function objectiveDiffs(
  stored: readonly StoredObjective[],
  file: readonly FileObjective[],
): ImportObjectiveDiff[] {
  const byId = new Map(stored.map((objective) => [objective.id, objective]));
  return file.map((objective) => {
    const current = byId.get(objective.id);
    const changes = objectiveChanges(current, objective);
    return {
      id: objective.id,
      name: objective.name,
      outcome: current === undefined ? 'new' : changes.length > 0 ? 'changed' : 'unchanged',
      changes,
    };
  });
}

/**
 * What the import does to an epic: `unchanged` when its stored record holds exactly the file's
 * value (the import leaves it alone), `new` when it has no record yet (or only an empty one),
 * `repaired` when its record cannot be read, else `changed`. `current` is the readable record.
 */
export function epicOutcomeOf(
  issue: EpicIssue,
  value: EpicValueDocument,
  currency: string,
):
  | { outcome: 'unchanged' | 'new' | 'changed'; current: EpicValueDocument }
  | { outcome: 'repaired'; current: null } {
  let current: EpicValueDocument;
  try {
    current = currentValueOf(issue, currency).value;
  } catch (error) {
    if (error instanceof AppError) return { outcome: 'repaired', current: null };
    throw error;
  }
  // Both sides were parsed by the same schema: same defaults, same key order.
  if (JSON.stringify(current) === JSON.stringify(value)) return { outcome: 'unchanged', current };
  return { outcome: issue.stored.state === 'none' ? 'new' : 'changed', current };
}

function evidenceText(benefit: EpicValueDocument['benefits'][number] | undefined): string | null {
  if (benefit === undefined || benefit.realised.length === 0) return null;
  return EVIDENCE_GRADES.map((grade) => {
    const months = benefit.realised.filter((entry) => entry.evidence === grade).length;
    return months === 0 ? null : `${EVIDENCE_GRADE_NAMES[grade]} ${String(months)} mo`;
  })
    .filter((part) => part !== null)
    .join(', ');
}

/** One line of the panel's history (value-changes.ts) as a from → to change. */
function fieldChangeOf(
  change: ValueChange,
  before: EpicValueDocument,
  after: EpicValueDocument,
): ImportFieldChange {
  const benefit = (title: string) => `Benefit “${title}”`;
  const share = (objectiveId: string) => `Share of objective ${objectiveId}`;
  switch (change.kind) {
    case 'benefit_added':
      return text(benefit(change.benefit), null, `Added (${BENEFIT_KIND_NAMES[change.benefitKind]})`);
    case 'benefit_removed':
      return text(benefit(change.benefit), 'Recorded', 'Removed');
    case 'benefit_renamed':
      return text('Benefit title', change.before, change.benefit);
    case 'benefit_kind':
      return text(
        `${benefit(change.benefit)}: kind`,
        BENEFIT_KIND_NAMES[change.before],
        BENEFIT_KIND_NAMES[change.after],
      );
    case 'benefit_planned': {
      const field = `${benefit(change.benefit)}: planned`;
      if (change.before !== change.after) return { field, unit: 'money', ...amounts(change) };
      const id = after.benefits.find((candidate) => candidate.title === change.benefit)?.id;
      const series = (value: EpicValueDocument) =>
        value.benefits.find((candidate) => candidate.id === id)?.planned ?? [];
      return sameTotalChange(field, series(before), series(after));
    }
    case 'benefit_realised':
      return { field: `${benefit(change.benefit)}: realised`, unit: 'money', ...amounts(change) };
    case 'evidence': {
      const id = after.benefits.find((candidate) => candidate.title === change.benefit)?.id;
      return text(
        `${benefit(change.benefit)}: evidence`,
        evidenceText(before.benefits.find((candidate) => candidate.id === id)),
        evidenceText(after.benefits.find((candidate) => candidate.id === id)),
      );
    }
    case 'cost_planned':
      return change.before === change.after
        ? sameTotalChange('Planned cost', before.costs.planned, after.costs.planned)
        : { field: 'Planned cost', unit: 'money', ...amounts(change) };
    case 'cost_actual':
      return change.before === change.after
        ? sameTotalChange('Actual cost', before.costs.actual, after.costs.actual)
        : { field: 'Actual cost', unit: 'money', ...amounts(change) };
    case 'success_probability':
      return { field: 'Success probability', unit: 'ratio', ...amounts(change) };
    case 'objective_linked':
      return { field: share(change.objectiveId), unit: 'ratio', before: null, after: change.share };
    case 'objective_unlinked':
      return {
        field: share(change.objectiveId),
        unit: 'ratio',
        before: before.objectives.find((link) => link.id === change.objectiveId)?.share ?? null,
        after: null,
      };
    case 'objective_share':
      return { field: share(change.objectiveId), unit: 'ratio', ...amounts(change) };
    case 'nps':
      return text('NPS survey', npsText(change.before), npsText(change.after));
    case 'benefit_owner':
      return text(`${benefit(change.benefit)}: owner`, change.before, change.after ?? 'None');
    case 'benefit_measure':
      return text(
        `${benefit(change.benefit)}: measure`,
        change.before === null ? null : measureSummary(change.before),
        change.after === null ? 'None' : measureSummary(change.after),
      );
    case 'baseline_approved':
      return text(
        'Approved baseline',
        null,
        `Version ${String(change.version)}${change.reason === null ? '' : `: ${change.reason}`}`,
      );
    case 'ranges':
      return text('Risk ranges', 'As stored', 'As in the file');
    case 'decision_applied': {
      const decision = (value: EpicValueDocument) =>
        value.decision === undefined
          ? null
          : `${VALUE_DECISION_NAMES[value.decision.choice]} (scenario “${value.decision.scenario}”)`;
      return text('Scenario decision', decision(before), decision(after));
    }
  }
}

type Series = EpicValueDocument['costs']['planned'];

/** The months of a series, first to last: "2026-01 to 2026-04 (3 months)". */
function monthsText(series: Series): string {
  const months = series.map((entry) => entry.month).sort();
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return 'no months';
  const count = `${String(months.length)} month${months.length === 1 ? '' : 's'}`;
  return first === last ? `${first} (${count})` : `${first} to ${last} (${count})`;
}

/**
 * A series whose total stays the same but whose months differ (moved in time) or only come in
 * another order: said in months, as "€1,000 → €1,000" would say nothing.
 */
function sameTotalChange(field: string, before: Series, after: Series): ImportFieldChange {
  const sorted = (series: Series) =>
    JSON.stringify([...series].sort((a, b) => a.month.localeCompare(b.month)));
  if (sorted(before) === sorted(after))
    return text(`${field}: order of months`, 'As stored', 'As in the file');
  return text(`${field}: months (same total)`, monthsText(before), monthsText(after));
}

const amounts = (change: { before: number; after: number }) => ({
  before: change.before,
  after: change.after,
});

function npsText(nps: EpicValueDocument['nps']): string | null {
  if (nps === null) return null;
  return `${String(nps.promoters)} promoters, ${String(nps.passives)} passives, ${String(nps.detractors)} detractors`;
}

/**
 * The epic's record before → after, field by field, in the words of the panel's history. When
 * only the order of benefits, links or months differs, that is said too: the record changes.
 */
export function epicValueChanges(
  before: EpicValueDocument | null,
  after: EpicValueDocument,
  currency: string,
): ImportFieldChange[] {
  const previous = before ?? EMPTY_VALUE;
  const lines = valueChanges({
    before: previous,
    after,
    currencyExponent: currencyExponentOf(currency) ?? 2,
  }).map((change) => fieldChangeOf(change, previous, after));
  if (lines.length === 0 && JSON.stringify(previous) !== JSON.stringify(after))
    lines.push(text('Order of benefits, links or months', 'As stored', 'As in the file'));
  return lines;
}

/** An epic's entry in the preview; undefined when the import leaves it alone. */
export function epicDiffOf(
  epic: PortfolioDocument['epics'][number],
  issue: EpicIssue,
  currency: string,
): ImportEpicDiff | undefined {
  const found = epicOutcomeOf(issue, epic.value, currency);
  if (found.outcome === 'unchanged') return undefined;
  return {
    key: epic.key,
    summary: issue.summary,
    outcome: found.outcome,
    changes: found.outcome === 'repaired' ? [] : epicValueChanges(found.current, epic.value, currency),
  };
}
