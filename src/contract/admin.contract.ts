import { z } from 'zod';
import type { ObjectiveFigures } from './kpi-figures';
import { identifierSchema } from './primitives.schema';
import {
  appSettingsSchema,
  storedObjectiveSchema,
  type AppSettings,
  type StoredObjective,
} from './site-config.schema';
import type { ValidationIssue } from './validation-issue';

export { ADMIN } from './resolver-keys';

export const noInput = z.strictObject({});

export const saveSettingsInput = z.strictObject({ settings: appSettingsSchema });

export const objectiveInput = z.strictObject({ objective: storedObjectiveSchema });

export const setObjectiveStatusInput = z.strictObject({
  id: identifierSchema,
  status: z.enum(['active', 'archived']),
});

export const deleteObjectiveInput = z.strictObject({ id: identifierSchema });

/** The document is validated by the use case, so that every problem is reported with its path. */
export const importInput = z.strictObject({ document: z.unknown() });

export const auditLogInput = z.strictObject({
  cursor: z.string().max(300).optional(),
});

export interface SettingsView {
  settings: AppSettings;
  /** Issue types at hierarchy level 1, to choose which count as epics. */
  epicIssueTypes: { id: string }[];
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

export interface ImportPreview {
  valid: boolean;
  /** Every problem, each with its path in the document. */
  issues: ValidationIssue[];
  counts: { objectives: number; epics: number };
  changes: {
    objectivesAdded: string[];
    objectivesChanged: string[];
    epicsWithNewRecord: string[];
    epicsReplaced: string[];
    settingsChanged: boolean;
  };
}

export interface ImportResult {
  applied: { objectives: number; epics: number };
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
