import type { ImportPreview, ImportResult } from '../../contract/admin.contract';
import { parsePortfolioV1, type PortfolioDocument } from '../../contract/portfolio-v1.schema';
import type { ValidationIssue } from '../../contract/validation-issue';
import type { EpicValueDocument } from '../../contract/epic-value.schema';
import {
  storedObjectiveSchema,
  type AppSettings,
  type StoredObjective,
} from '../../contract/site-config.schema';
import { AppError } from '../app-error';
import { commitRevision } from '../epic-value/commit-revision';
import { isEpic } from '../epic-value/epic-value-view';
import { currentValueOf } from '../epic-value/load-epic';
import { monthOf } from '../ports/clock';
import type { EpicIssue, StoredValueRecord } from '../ports/jira-site';
import { SiteConfig } from '../site-config';
import { requireJiraAdmin, type AdminContext } from './admin-context';
import { appendAudit } from './audit-log';

/** Epics written at once; Jira's per-second limits are generous, but not unlimited. */
export const WRITE_CONCURRENCY = 8;
const BULK_FETCH_SIZE = 100;

/** The largest import one call applies; beyond this, split the file by project. */
export const IMPORT_EPIC_LIMIT = 2000;

export interface CheckedImport {
  preview: ImportPreview;
  document: PortfolioDocument | null;
  issues: Map<string, EpicIssue>;
}

export async function fetchIssues(
  context: AdminContext,
  keys: readonly string[],
): Promise<Map<string, EpicIssue>> {
  const found = new Map<string, EpicIssue>();
  for (let start = 0; start < keys.length; start += BULK_FETCH_SIZE) {
    for (const issue of await context.jira.getIssues(keys.slice(start, start + BULK_FETCH_SIZE))) {
      found.set(issue.key, issue);
    }
  }
  return found;
}

export function emptyPreview(issues: ValidationIssue[]): ImportPreview {
  return {
    valid: false,
    issues,
    counts: { objectives: 0, epics: 0 },
    changes: {
      objectivesAdded: [],
      objectivesChanged: [],
      epicsWithNewRecord: [],
      epicsReplaced: [],
      settingsChanged: false,
    },
  };
}

/** Validates the whole document, then against the site: every epic must exist, be an epic, and be editable. */
export async function checkImport(
  context: AdminContext,
  input: unknown,
  { epicLimit = IMPORT_EPIC_LIMIT }: { epicLimit?: number } = {},
): Promise<CheckedImport> {
  const parsed = parsePortfolioV1(input);
  if (!parsed.success)
    return { preview: emptyPreview([...parsed.issues]), document: null, issues: new Map() };
  const document = parsed.data;
  if (document.epics.length > epicLimit) {
    const message = `has ${document.epics.length} epics; one import takes at most ${epicLimit}: split the file by project`;
    return { preview: emptyPreview([{ path: 'epics', message }]), document: null, issues: new Map() };
  }
  const config = new SiteConfig(context.store);
  const [settings, objectives] = await Promise.all([config.settings(), config.objectives()]);
  const issues = await fetchIssues(
    context,
    document.epics.map((epic) => epic.key),
  );
  const problems: ValidationIssue[] = [];
  const epicsWithNewRecord: string[] = [];
  const epicsReplaced: string[] = [];
  for (const [index, epic] of document.epics.entries()) {
    const issue = issues.get(epic.key);
    if (issue === undefined) {
      problems.push({
        path: `epics[${index}].key`,
        message: `${epic.key} does not exist or you cannot see it`,
      });
    } else if (!isEpic(issue, settings)) {
      problems.push({ path: `epics[${index}].key`, message: `${epic.key} is not an epic` });
    } else if (issue.stored.state === 'none') {
      epicsWithNewRecord.push(epic.key);
    } else {
      epicsReplaced.push(epic.key);
    }
  }
  const editable = await context.permissions.editableIssueIds([...issues.values()].map((issue) => issue.id));
  for (const issue of issues.values()) {
    const index = document.epics.findIndex((epic) => epic.key === issue.key);
    if (!editable.has(issue.id))
      problems.push({ path: `epics[${index}].key`, message: `you cannot edit ${issue.key}` });
  }
  const byId = new Map(objectives.map((objective) => [objective.id, objective]));
  const changed = document.objectives.filter((objective) => {
    const current = byId.get(objective.id);
    return (
      current !== undefined &&
      (current.name !== objective.name ||
        current.status !== objective.status ||
        current.weight !== objective.weight)
    );
  });
  return {
    document,
    issues,
    preview: {
      valid: problems.length === 0,
      issues: problems,
      counts: { objectives: document.objectives.length, epics: document.epics.length },
      changes: {
        objectivesAdded: document.objectives
          .filter((objective) => !byId.has(objective.id))
          .map((objective) => objective.id),
        objectivesChanged: changed.map((objective) => objective.id),
        epicsWithNewRecord,
        epicsReplaced,
        settingsChanged:
          settings.currency !== document.settings.currency ||
          settings.discountRate !== document.settings.discountRate,
      },
    },
  };
}

/** What an import would do, and every problem that stops it; changes nothing. */
export async function previewImport(
  context: AdminContext,
  { document }: { document: unknown },
): Promise<ImportPreview> {
  await requireJiraAdmin(context);
  return (await checkImport(context, document)).preview;
}

export async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    // Every write of the batch settles before a failure is reported: a write still in flight
    // when another fails would otherwise finish after the roll-back and never be put back.
    const outcomes = await Promise.allSettled(items.slice(start, start + size).map(work));
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
  }
}

/**
 * Applies a portfolio v1 file: all or nothing. Everything is validated first, and nothing is
 * written if anything is invalid. If a write then fails (Jira down, a concurrent edit), what was
 * already written is put back as it was, and the error is reported.
 */
export async function applyImport(
  context: AdminContext,
  { document: input }: { document: unknown },
): Promise<ImportResult> {
  await requireJiraAdmin(context);
  const checked = await checkImport(context, input);
  const { document } = checked;
  if (document === null || !checked.preview.valid) {
    throw new AppError(
      'BAD_REQUEST',
      `The file has ${checked.preview.issues.length} problem(s); nothing was imported.`,
      checked.preview.issues.map((issue) => ({ path: `document.${issue.path}`, message: issue.message })),
    );
  }
  const config = new SiteConfig(context.store);
  const [settingsBefore, objectivesBefore] = await Promise.all([config.settings(), config.objectives()]);
  const now = context.clock.now();
  const asOf = monthOf(now);
  const settings = { ...settingsBefore, ...document.settings };
  const written: { issue: EpicIssue; record: StoredValueRecord; value: EpicValueDocument }[] = [];
  const touchedObjectives: string[] = [];
  try {
    await config.saveSettings(settings);
    for (const objective of document.objectives) {
      const previous = objectivesBefore.find((candidate) => candidate.id === objective.id);
      await config.saveObjective(storedObjectiveSchema.parse({ ...previous, ...objective }));
      touchedObjectives.push(objective.id);
    }
    await inBatches(document.epics, WRITE_CONCURRENCY, async (epic) => {
      const issue = checked.issues.get(epic.key);
      if (issue === undefined) return;
      const current = currentValueOf(issue, settings.currency);
      const record = await commitRevision({
        ...context,
        issue,
        current,
        value: epic.value,
        settings,
        now,
        asOf,
      });
      written.push({ issue, record, value: epic.value });
    });
  } catch (error) {
    await rollBack(context, {
      settingsBefore,
      objectivesBefore,
      touchedObjectives,
      written,
      issuesBefore: checked.issues,
      now,
      asOf,
    });
    throw error;
  }
  await appendAudit(context.store, {
    at: now,
    by: context.accountId,
    action: 'portfolio.imported',
    changes: [
      { path: 'objectives', before: null, after: document.objectives.map((objective) => objective.id) },
      { path: 'epics', before: null, after: document.epics.length },
    ],
  });
  return { applied: { objectives: document.objectives.length, epics: written.length } };
}

/** Puts back what an interrupted import changed: settings, objectives, and each epic's record. */
async function rollBack(
  context: AdminContext,
  state: {
    settingsBefore: AppSettings;
    objectivesBefore: StoredObjective[];
    touchedObjectives: string[];
    written: { issue: EpicIssue; record: StoredValueRecord; value: EpicValueDocument }[];
    issuesBefore: Map<string, EpicIssue>;
    now: Date;
    asOf: string;
  },
): Promise<void> {
  const config = new SiteConfig(context.store);
  await config.saveSettings(state.settingsBefore);
  for (const id of state.touchedObjectives) {
    const previous = state.objectivesBefore.find((objective) => objective.id === id);
    if (previous) await config.saveObjective(previous);
    else await config.deleteObjective(id);
  }
  await inBatches(state.written, WRITE_CONCURRENCY, async ({ issue, record, value }) => {
    const before = state.issuesBefore.get(issue.key);
    if (before === undefined || before.stored.state !== 'stored') {
      await context.jira.deleteValue(issue.id);
      return;
    }
    const current = {
      revision: record.revision,
      updatedAt: record.updatedAt,
      updatedBy: record.updatedBy,
      value,
    };
    const previousValue = currentValueOf(before, state.settingsBefore.currency).value;
    await commitRevision({
      ...context,
      issue,
      current,
      value: previousValue,
      settings: state.settingsBefore,
      now: state.now,
      asOf: state.asOf,
    });
  });
}
