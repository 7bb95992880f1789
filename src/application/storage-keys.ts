/**
 * Every key the app writes to its own storage, built in one place so that the shapes are tested
 * and prefix queries cannot drift from writes. Forge keys allow `[a-zA-Z0-9:._\s-#]`, at most
 * 500 characters; issue ids are digits and objective ids are validated to fit.
 */
export const SETTINGS_KEY = 'settings';

export const OBJECTIVE_PREFIX = 'objective:';
export const objectiveKey = ({ objectiveId }: { objectiveId: string }) => `${OBJECTIVE_PREFIX}${objectiveId}`;

/** Claimed once per (epic, revision): whoever claims revision n+1 first may write it. */
export const revisionClaimKey = ({ issueId, revision }: { issueId: string; revision: number }) =>
  `claim:${issueId}:${revision}`;

// Zero-padded so that the key order is the revision order.
export const EPIC_HISTORY_ROOT = 'history:epic:';
export const epicHistoryPrefix = ({ issueId }: { issueId: string }) => `${EPIC_HISTORY_ROOT}${issueId}:`;
export const epicHistoryKey = ({ issueId, revision }: { issueId: string; revision: number }) =>
  `${epicHistoryPrefix({ issueId })}${String(revision).padStart(9, '0')}`;

export const ADMIN_AUDIT_PREFIX = 'audit:admin:';
/** `at` is an ISO timestamp, which sorts by time; `id` keeps two changes in one millisecond apart. */
export const adminAuditKey = ({ at, id }: { at: string; id: string }) => `${ADMIN_AUDIT_PREFIX}${at}:${id}`;

/** Account ids the app holds, for Atlassian's personal data reporting. */
export const ACCOUNT_PREFIX = 'account:';
export const accountKey = ({ accountId }: { accountId: string }) => `${ACCOUNT_PREFIX}${accountId}`;
