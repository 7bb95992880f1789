import type { EpicStatus } from '../../domain/model/epic';
import type { EvidenceGrade } from '../../domain/model/benefit';
import type { EpicValueRecord } from '../../domain/model/portfolio-record';

/** An epic's value record as stored on the epic, with its revision stamp. */
export interface StoredValueRecord {
  revision: number;
  updatedAt: string;
  updatedBy: string;
  value: EpicValueRecord;
}

/** The fields Jira indexes for JQL (manifest.yml `jira:entityProperty`), in decimal amounts. */
export interface ValueSearchIndex {
  plannedBenefit: number;
  realisedBenefit: number;
  actualCost: number;
  roi?: number;
  /** An in-flight epic's cost of delay per month as of the save (issue #16); absent once Done. */
  costOfDelay?: number;
  successProbability: number;
  objectives: string[];
  evidence: EvidenceGrade[];
  /** The scenario decision's choice (`valueDecision = stop`), absent until one is applied. */
  decision?: string;
}

/** What reading the stored record gave: nothing yet, the record, or why it cannot be read. */
export type StoredValueRead =
  | { state: 'none' }
  | { state: 'stored'; record: StoredValueRecord }
  | { state: 'unreadable'; reason: string };

/**
 * The value property exactly as Jira holds it: its JSON text, whatever it says (a record of this
 * app, a damaged one, one written by a newer version), or absent. What an import puts back.
 */
export type RawValueProperty = { state: 'absent' } | { state: 'present'; json: string };

export type WriteOutcome = 'written' | 'forbidden' | 'not_found' | { tooLarge: number; limit: number };

/** An epic as Jira describes it, plus the raw value property the app stored on it (if any). */
export interface EpicIssue {
  id: string;
  key: string;
  summary: string;
  status: EpicStatus;
  /** When the epic became Done (ISO instant, UTC); null while it is not Done; absent when not read. */
  doneAt?: string | null;
  projectKey: string;
  /** The parent issue's key: the epic's programme. */
  parentKey: string | null;
  issueTypeId: string;
  hierarchyLevel: number;
  /** The value record stored on the epic. */
  stored: StoredValueRead;
}

export interface EpicPage {
  epics: EpicIssue[];
  nextPageToken?: string;
}

/** An issue type as Jira lists it: level 1 is the epic level, whatever the type is called. */
export interface IssueTypeSummary {
  id: string;
  name: string;
  /** -1 subtask, 0 base, 1 epic, 2 and above custom levels above epics. */
  hierarchyLevel: number;
}

/** A Jira "Blocks" issue link: `blocker` blocks `blocked` (Jira: blocked "is blocked by" blocker). */
export interface BlockLink {
  blocker: string;
  blocked: string;
}

/** Jira, as seen by the invoking user: what they may browse and edit is what they get. */
export interface JiraSite {
  /** null when the issue does not exist or the user may not browse it. */
  getIssue(issueKey: string): Promise<EpicIssue | null>;
  /** The issues among `issueKeys` (at most 100) that exist and the user may browse. */
  getIssues(issueKeys: readonly string[]): Promise<EpicIssue[]>;
  searchEpics(query: { jql: string; pageToken?: string; pageSize?: number }): Promise<EpicPage>;
  /**
   * The "Blocks" links of the issues among `issueKeys` that the user may browse (any number of
   * keys; read 100 at a time), each link once. A linked issue the user may not browse is not named.
   */
  blockLinks(issueKeys: readonly string[]): Promise<BlockLink[]>;
  /** Stores the value record on the epic as the user: Jira itself refuses users without Edit. */
  writeValue(issueId: string, record: StoredValueRecord, index: ValueSearchIndex): Promise<WriteOutcome>;
  /** Removes the value record from the epic (undoing an import that created it). */
  deleteValue(issueId: string): Promise<void>;
  /** The value property as Jira holds it now, byte for byte (read before an import overwrites it). */
  readRawValue(issueId: string): Promise<RawValueProperty>;
  /** Puts a property read by `readRawValue` back exactly as it was (absent: removes it), as the user. */
  restoreRawValue(issueId: string, raw: RawValueProperty): Promise<WriteOutcome>;
  /** The issue type ids at hierarchy level 1 (Jira's epics, whatever they are called). */
  epicIssueTypeIds(): Promise<string[]>;
  /** Every issue type of the site, with its hierarchy level. */
  issueTypes(): Promise<IssueTypeSummary[]>;
  /** Of these account ids, the ones of users that exist on the site. */
  existingAccountIds(accountIds: readonly string[]): Promise<Set<string>>;
}

export interface PermissionChecker {
  isJiraAdmin(): Promise<boolean>;
  canEditIssue(issueId: string): Promise<boolean>;
  /** Of these issues, the ids the user may edit: one Jira call per 1,000 issues. */
  editableIssueIds(issueIds: readonly string[]): Promise<Set<string>>;
  /** Keys of the projects the user may browse. */
  browsableProjectKeys(): Promise<string[]>;
}
