import { z } from 'zod';
import type { ObjectiveFigures } from './kpi-figures';
import { identifierSchema } from './primitives.schema';
import {
  appSettingsInputSchema,
  objectiveInputSchema,
  type AppSettings,
  type StoredObjective,
} from './site-config.schema';
import type { ValidationIssue } from './validation-issue';
import { exportCursorSchema } from './gadget.contract';
import { IMPORT_CHUNK_MAX_BYTES, IMPORT_MAX_PARTS } from './import-limits';

export { ADMIN } from './resolver-keys';

export const noInput = z.strictObject({});

export const saveSettingsInput = z.strictObject({ settings: appSettingsInputSchema });

/** Jira groups whose name contains `query` (any case), for the verifier and approver pickers. */
export const findGroupsInput = z.strictObject({ query: z.string().max(255) });

/** A Jira group as the pickers offer it. */
export interface GroupOption {
  groupId: string;
  name: string;
}

/** The groups found (at most `GROUP_PICKER_LIMIT`, by name) and how many match in all. */
export interface GroupSearch {
  groups: GroupOption[];
  total: number;
}

export const GROUP_PICKER_LIMIT = 20;

export const objectiveInput = z.strictObject({ objective: objectiveInputSchema });

export const setObjectiveStatusInput = z.strictObject({
  id: identifierSchema,
  status: z.enum(['active', 'archived']),
});

export const deleteObjectiveInput = z.strictObject({ id: identifierSchema });

/** An import's id, as `admin/import-stage` answers it (a UUID). */
export const importIdSchema = z
  .string()
  .regex(/^[a-zA-Z0-9-]{8,64}$/, 'must be the id that admin/import-stage answered');

/**
 * One part of a file uploaded in parts: the file's JSON text, cut anywhere. The first part
 * (`part` 0) comes without `importId` and gets one; the others name it.
 */
export const importStageInput = z
  .strictObject({
    importId: importIdSchema.optional(),
    part: z
      .number()
      .int()
      .min(0)
      .max(IMPORT_MAX_PARTS - 1),
    parts: z.number().int().min(1).max(IMPORT_MAX_PARTS),
    chunk: z.string().max(IMPORT_CHUNK_MAX_BYTES),
  })
  .superRefine((input, context) => {
    if (input.part >= input.parts)
      context.addIssue({ code: 'custom', path: ['part'], message: 'must be less than parts' });
    if (input.part > 0 && input.importId === undefined)
      context.addIssue({ code: 'custom', path: ['importId'], message: 'is required after the first part' });
  });

/**
 * The file to preview or apply: the id of a file uploaded in parts (`admin/import-stage`). There
 * is one import path, the staged one: a whole document in the payload is refused.
 */
export const importInput = z.strictObject({ importId: importIdSchema });

/** One part of the backup (`admin/export-backup-page`): without `cursor` the first, then each `nextCursor`. */
export const exportBackupPageInput = z.strictObject({ cursor: exportCursorSchema.optional() });

const auditDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD');

/** Kinds of audit entry, by the first word of their action (`objective.created OBJ-1`). */
export const AUDIT_KINDS = ['objective', 'settings', 'portfolio', 'baseline', 'planning'] as const;

export const auditLogInput = z.strictObject({
  cursor: z.string().max(300).optional(),
  /** Only entries of this kind, by this account, or on these days (UTC, both included). */
  kind: z.enum(AUDIT_KINDS).optional(),
  by: z.string().max(128).optional(),
  from: auditDaySchema.optional(),
  to: auditDaySchema.optional(),
});

export interface SettingsView {
  settings: AppSettings;
  /** Issue types at hierarchy level 1, to choose which count as epics. */
  epicIssueTypes: { id: string }[];
  /**
   * The verifier and approver groups the settings name, with their names; a group deleted in Jira
   * since is left out (the form says it no longer exists).
   */
  groups: GroupOption[];
}

export interface ObjectiveWithUsage extends StoredObjective {
  /** Epics (that the admin can browse) linking to the objective. */
  linkedEpics: number;
  figures: ObjectiveFigures;
}

export interface ObjectiveList {
  asOf: string;
  currency: string;
  objectives: ObjectiveWithUsage[];
}

/**
 * One field an import changes, from → to. `unit` says how to read the values: `money` a decimal
 * amount in the file's currency, `ratio` a decimal shown as a percentage (0.08 = 8%), `text` as
 * it is. `null` is "none" (before: the field is added; after: it is removed).
 */
export interface ImportFieldChange {
  /** What changes, in words: "Discount rate", "Benefit “Sales”: planned total". */
  field: string;
  unit: 'text' | 'money' | 'ratio' | 'number';
  before: string | number | null;
  after: string | number | null;
}

/** What an import does to one epic: a first record, a changed one, or a repaired unreadable one. */
export interface ImportEpicDiff {
  key: string;
  summary: string;
  outcome: 'new' | 'changed' | 'repaired';
  /** Field by field; empty for a repaired record (what it held cannot be read). */
  changes: ImportFieldChange[];
}

/** What an import does to one objective of the file. */
export interface ImportObjectiveDiff {
  id: string;
  name: string;
  outcome: 'new' | 'changed' | 'unchanged';
  changes: ImportFieldChange[];
}

/** The epics detailed field by field in a preview; the others are counted (the answer stays small). */
export const IMPORT_PREVIEW_EPIC_DETAILS = 500;

export interface ImportPreview {
  valid: boolean;
  /** Every problem, each with its path in the document. */
  issues: ValidationIssue[];
  counts: { objectives: number; epics: number };
  changes: {
    objectivesAdded: string[];
    objectivesChanged: string[];
    epicsWithNewRecord: string[];
    /** Epics whose record the file changes. */
    epicsReplaced: string[];
    /** Epics whose stored record the app cannot read: the import replaces it (and repairs the epic). */
    epicsUnreadableReplaced: string[];
    /** Epics whose record the file holds exactly: the import leaves them alone (no new revision). */
    epicsUnchanged: string[];
    settingsChanged: boolean;
  };
  /** The same, field by field, from → to. */
  diff: {
    /** The file's currency: the unit of every `money` change. */
    currency: string;
    settings: ImportFieldChange[];
    objectives: ImportObjectiveDiff[];
    /** New, changed and repaired epics in file order, the first IMPORT_PREVIEW_EPIC_DETAILS of them. */
    epics: ImportEpicDiff[];
    /** New, changed and repaired epics beyond those in `epics`. */
    epicsNotDetailed: number;
  };
}

export interface ImportResult {
  applied: { objectives: number; epics: number };
}

export interface ImportStaged {
  importId: string;
}

/**
 * One bounded step of applying an uploaded file (`admin/import-apply` with `importId`): call
 * again until `done`. If a step fails, what the import wrote is put back, which may take steps
 * of its own (`phase: 'rolling-back'`), and the error is answered at the end.
 */
export type ImportStep =
  | {
      done: false;
      importId: string;
      phase: 'applying' | 'rolling-back';
      /** Epics written so far (while rolling back: still to put back). */
      applied: number;
      total: number;
    }
  | ({ done: true; importId: string } & ImportResult);

/**
 * An epic a rolled-back import left as it is: it was changed by someone else after the import
 * wrote it (or while the import ran), and putting it back would have overwritten their change.
 */
export interface ImportRollbackConflict {
  key: string;
  /** The revision the epic holds now, and who saved it (null when unknown or unreadable). */
  revision: number | null;
  updatedBy: string | null;
}

/** `details` of the error an import answers once it is rolled back. */
export interface ImportRolledBack {
  rolledBack: true;
  /** Epics left as they are, because someone changed them after the import wrote them. */
  conflicts: ImportRollbackConflict[];
}

export interface AuditEntry {
  at: string;
  by: string;
  action: string;
  /** What changed: `path`, with the value before and after. */
  changes: { path: string; before: unknown; after: unknown }[];
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: string | null;
}
