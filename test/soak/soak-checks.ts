/** Small pure helpers the soak's invariants use: answers by kind, stored records, comparisons. */
import type { Envelope } from '../integration/local-site';
import type { AnswerKind } from './soak-ledger';
import type { CallOutcome } from './soak-site';

/**
 * Error answers that do not say "nothing changed": the outcome is not known, or only part of it
 * was stored (`SAVE_INCOMPLETE`); either way the user is told to reload.
 */
const OUTCOME_UNKNOWN = /UNKNOWN|INCOMPLETE/i;

export function answerKindOf(outcome: CallOutcome): AnswerKind {
  if (outcome.kind === 'killed') return 'killed';
  if (outcome.kind === 'no-answer') return 'no-answer';
  if (outcome.envelope.ok) return 'ok';
  return OUTCOME_UNKNOWN.test(outcome.envelope.error?.code ?? '') ? 'outcome-unknown' : 'nothing-changed';
}

export function describeOutcome(outcome: CallOutcome): string {
  if (outcome.kind === 'killed') return 'killed';
  if (outcome.kind === 'no-answer') return `no answer (${outcome.message.slice(0, 80)})`;
  const { envelope } = outcome;
  if (envelope.ok) return 'ok';
  return `${answerKindOf(outcome)} ${envelope.error?.code ?? '?'}: ${(envelope.error?.message ?? '').slice(0, 100)}`;
}

/** The data of an ok answer, typed as the resolver's contract says (as `call<T>()` does). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function dataOf<T>(outcome: CallOutcome): T | undefined {
  return outcome.kind === 'answer' && outcome.envelope.ok ? (outcome.envelope.data as T) : undefined;
}

export function envelopeOf(outcome: CallOutcome): Envelope | undefined {
  return outcome.kind === 'answer' ? outcome.envelope : undefined;
}

interface StoredProperty {
  revision?: number;
  record?: unknown;
}

/** The revision in a stored value property (0 when there is none). */
export function revisionOf(property: string | null): number {
  if (property === null) return 0;
  return (JSON.parse(property) as StoredProperty).revision ?? 0;
}

/** The value itself in a stored property (its compact record), as JSON text; null when there is none. */
export function recordOf(property: string | null): string | null {
  if (property === null) return null;
  return JSON.stringify((JSON.parse(property) as StoredProperty).record ?? null);
}

/** JSON with object keys sorted, so that two equal values compare equal as text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(
          Object.entries(field as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : field,
  );
}

/** The first path at which two JSON values differ, for a short violation message. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (canonical(a) === canonical(b)) return null;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of [...keys].sort()) {
      const found = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found !== null) return found;
    }
  }
  const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v).slice(0, 80));
  return `${path || '(root)'}: ${show(a)} vs ${show(b)}`;
}
