import type { UnreadableRecord } from '../../contract/panel.contract';
import { AppError } from '../app-error';
import type { EpicIssue, JiraSite, RawValueProperty } from '../ports/jira-site';
import { queryAll, type KeyValueStore } from '../ports/key-value-store';
import { epicHistoryPrefix } from '../storage-keys';

/**
 * Identifies the exact content of a stored property, so that an overwrite of an unreadable record
 * replaces only the content the user was shown (cyrb53 over its JSON text: a guard against a
 * change in between, not a secret). An absent property has its own fingerprint.
 */
export function fingerprintOf(raw: RawValueProperty): string {
  const text = raw.state === 'absent' ? '' : raw.json;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${raw.state === 'absent' ? 'absent' : String(text.length)}-${hash.toString(36)}`;
}

/** The revision an unreadable property still names, when it names one; else 0. */
export function revisionNamedIn(raw: RawValueProperty): number {
  if (raw.state === 'absent') return 0;
  try {
    const revision = (JSON.parse(raw.json) as { revision?: unknown } | null)?.revision;
    return typeof revision === 'number' && Number.isSafeInteger(revision) && revision >= 0 ? revision : 0;
  } catch {
    return 0;
  }
}

/**
 * The details of an unreadable record that the panel shows and an overwrite must name. Its
 * revision is above any the epic had, so that the new record's history entry follows the old.
 */
export async function unreadableRecordOf(input: {
  jira: JiraSite;
  store: KeyValueStore;
  issue: EpicIssue;
  reason: string;
  canEdit: boolean;
}): Promise<UnreadableRecord & { raw: RawValueProperty }> {
  const { issue } = input;
  const raw = await input.jira.readRawValue(issue.id);
  const history = await queryAll(input.store, epicHistoryPrefix({ issueId: issue.id }));
  const lastInHistory = Number(history.at(-1)?.key.slice(-9) ?? '0');
  return {
    issueKey: issue.key,
    reason: input.reason,
    fingerprint: fingerprintOf(raw),
    revision: Math.max(revisionNamedIn(raw), Number.isSafeInteger(lastInHistory) ? lastInHistory : 0),
    canEdit: input.canEdit,
    raw,
  };
}

/** `UNREADABLE_RECORD` with what the panel needs to offer an overwrite. */
export async function unreadableRecordError(
  input: Parameters<typeof unreadableRecordOf>[0] & { message: string },
): Promise<AppError> {
  const { raw: _raw, ...details } = await unreadableRecordOf(input);
  return new AppError('UNREADABLE_RECORD', input.message, undefined, details);
}
