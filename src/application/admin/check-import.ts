import {
  IMPORT_PREVIEW_EPIC_DETAILS,
  type ImportEpicDiff,
  type ImportPreview,
} from '../../contract/admin.contract';
import { IMPORT_STAGED_EPIC_LIMIT } from '../../contract/import-limits';
import { parsePortfolioV1, type PortfolioDocument } from '../../contract/portfolio-v1.schema';
import type { ValidationIssue } from '../../contract/validation-issue';
import { AppError } from '../app-error';
import { EMPTY_VALUE, isEpic } from '../epic-value/epic-value-view';
import { currentValueOf } from '../epic-value/load-epic';
import type { EpicIssue } from '../ports/jira-site';
import { SiteConfig } from '../site-config';
import type { AdminContext } from './admin-context';
import { importedValue, importRolesOf } from './import-authority';
import { epicDiffOf, epicOutcomeOf, objectiveDiffs, settingsDiff } from './import-diff';

/*
 * The checks of an import (the staged one, staged-import.ts): the whole file against the
 * portfolio v1 schema, then against the site, before anything is written.
 */

/** Epics written at once; Jira's per-second limits are generous, but not unlimited. */
export const WRITE_CONCURRENCY = 8;
const BULK_FETCH_SIZE = 100;

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
      epicsUnreadableReplaced: [],
      epicsUnchanged: [],
      settingsChanged: false,
    },
    diff: { currency: '', settings: [], objectives: [], epics: [], epicsNotDetailed: 0 },
  };
}

/** Whether the epic's stored record is one the app cannot read (in the currency the import writes). */
export function isUnreadable(issue: EpicIssue, currency: string): boolean {
  try {
    currentValueOf(issue, currency);
    return false;
  } catch (error) {
    if (error instanceof AppError) return true;
    throw error;
  }
}

/**
 * Validates the whole document, then against the site: every epic must exist, be an epic, and be
 * editable, and its new `verified` grades and approved baseline need the importer to be a
 * verifier and an approver (`importedValue`).
 */
export async function checkImport(
  context: AdminContext,
  input: unknown,
  { epicLimit = IMPORT_STAGED_EPIC_LIMIT }: { epicLimit?: number } = {},
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
  const roles = importRolesOf(context, settings);
  const epicsWithNewRecord: string[] = [];
  const epicsReplaced: string[] = [];
  const epicsUnreadableReplaced: string[] = [];
  const epicsUnchanged: string[] = [];
  const detailed: ImportEpicDiff[] = [];
  let epicsNotDetailed = 0;
  const { currency } = document.settings;
  for (const [index, epic] of document.epics.entries()) {
    const issue = issues.get(epic.key);
    if (issue === undefined) {
      problems.push({
        path: `epics[${index}].key`,
        message: `${epic.key} does not exist or you cannot see it`,
      });
      continue;
    }
    if (!isEpic(issue, settings)) {
      problems.push({ path: `epics[${index}].key`, message: `${epic.key} is not an epic` });
      continue;
    }
    const diff = epicDiffOf(epic, issue, currency);
    if (diff === undefined) {
      epicsUnchanged.push(epic.key);
      continue;
    }
    const imported = await importedValue({
      accountId: context.accountId,
      roles,
      settings,
      value: epic.value,
      previous: epicOutcomeOf(issue, epic.value, currency).current ?? EMPTY_VALUE,
      now: context.clock.now(),
      prefix: `epics[${String(index)}].value.`,
    });
    if ('problems' in imported) problems.push(...imported.problems);
    const listed = {
      new: epicsWithNewRecord,
      changed: epicsReplaced,
      repaired: epicsUnreadableReplaced,
    }[diff.outcome];
    listed.push(epic.key);
    if (detailed.length < IMPORT_PREVIEW_EPIC_DETAILS) detailed.push(diff);
    else epicsNotDetailed += 1;
  }
  const editable = await context.permissions.editableIssueIds([...issues.values()].map((issue) => issue.id));
  for (const issue of issues.values()) {
    const index = document.epics.findIndex((epic) => epic.key === issue.key);
    if (!editable.has(issue.id))
      problems.push({ path: `epics[${index}].key`, message: `you cannot edit ${issue.key}` });
  }
  const objectivesDiff = objectiveDiffs(objectives, document.objectives);
  const settingsChanges = settingsDiff(settings, document.settings);
  const idsWith = (outcome: 'new' | 'changed') =>
    objectivesDiff.filter((objective) => objective.outcome === outcome).map((objective) => objective.id);
  return {
    document,
    issues,
    preview: {
      valid: problems.length === 0,
      issues: problems,
      counts: { objectives: document.objectives.length, epics: document.epics.length },
      changes: {
        objectivesAdded: idsWith('new'),
        objectivesChanged: idsWith('changed'),
        epicsWithNewRecord,
        epicsReplaced,
        epicsUnreadableReplaced,
        epicsUnchanged,
        settingsChanged: settingsChanges.length > 0,
      },
      diff: {
        currency,
        settings: settingsChanges,
        objectives: objectivesDiff,
        epics: detailed,
        epicsNotDetailed,
      },
    },
  };
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
