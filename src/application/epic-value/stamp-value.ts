import { epicRangesIssues } from '../../contract/epic-ranges.schema';
import type { EpicValueDocument } from '../../contract/epic-value.schema';
import type { AppSettings } from '../../contract/site-config.schema';
import { stampRealisedEntries, type VerificationRefusal } from '../../domain/model/realised-stamps';
import { AppError } from '../app-error';
import { roleHolders } from '../authority/value-roles';

/** Where the refused grades are, as the UI addresses its fields (`value.benefits[0].realised[1].evidence`). */
export function verificationFields(
  refused: readonly VerificationRefusal[],
  { prefix, settings }: { prefix: string; settings: AppSettings },
) {
  const message = `only ${roleHolders(settings.verifierGroupId, 'verifier')} can mark realised benefit verified; choose measured or estimated`;
  return refused.map(({ benefitIndex, entryIndex }) => ({
    path: `${prefix}benefits[${String(benefitIndex)}].realised[${String(entryIndex)}].evidence`,
    message,
  }));
}

/**
 * The realised entries of `value` stamped as the caller (`stampRealisedEntries`), or the entries
 * whose new `verified` grade the caller may not give. Whether the caller is a verifier is asked
 * only when a new verification needs it, as that asks Jira.
 */
export async function stampedAsCaller(input: {
  accountId: string;
  callerIsVerifier: () => Promise<boolean>;
  value: EpicValueDocument;
  previous: EpicValueDocument;
  now: Date;
}): Promise<{ benefits: EpicValueDocument['benefits'] } | { refused: VerificationRefusal[] }> {
  const stamp = (callerIsVerifier: boolean) =>
    stampRealisedEntries({
      next: input.value.benefits,
      previous: input.previous.benefits,
      caller: input.accountId,
      callerIsVerifier,
      now: input.now.toISOString(),
    });
  const stamped = stamp(false);
  return 'refused' in stamped && (await input.callerIsVerifier()) ? stamp(true) : stamped;
}

/**
 * The record a write stores, from what the client sent and what is stored: who recorded and who
 * verified each realised entry is set by the server (`stampRealisedEntries`), a new or changed
 * `verified` grade needs a verifier (`FORBIDDEN`, naming each such field, and nothing is
 * written), and the approved baseline stays the stored one: a client cannot forge one. A save
 * that carries no risk ranges keeps the stored ones (`keptRanges`), for clients that do not edit
 * them; empty ranges remove them. The scenario decision (issue #16) is always the stored one: only
 * applying a scenario sets it.
 *
 * `callerIsVerifier` is asked only when the record holds a new verification.
 * `keepBaseline: false` takes the client's baseline (an import by an approver, checked by the caller).
 */
export async function stampedValue(input: {
  accountId: string;
  callerIsVerifier: () => Promise<boolean>;
  settings: AppSettings;
  value: EpicValueDocument;
  previous: EpicValueDocument;
  now: Date;
  /** Prefix of refused fields' paths: `value.` for a panel save. */
  prefix: string;
  keepBaseline?: boolean;
}): Promise<EpicValueDocument> {
  const { settings, value, previous } = input;
  const stamped = await stampedAsCaller(input);
  if ('refused' in stamped) {
    throw new AppError(
      'FORBIDDEN',
      `Only ${roleHolders(settings.verifierGroupId, 'verifier')} can mark realised benefit verified. Nothing was saved.`,
      verificationFields(stamped.refused, { prefix: input.prefix, settings }),
    );
  }
  const { baseline: _sentBaseline, ranges: _sentRanges, decision: _sentDecision, ...rest } = value;
  const baseline = input.keepBaseline === false ? value.baseline : previous.baseline;
  const sent = value.ranges ?? keptRanges(previous.ranges, value.benefits);
  // No range at all is stored as none, as before ranges existed: the panel always sends them.
  const ranges = sent?.benefits.length === 0 && sent.costOverrun === null ? undefined : sent;
  return {
    ...rest,
    benefits: stamped.benefits,
    ...(baseline === undefined ? {} : { baseline }),
    ...(ranges === undefined ? {} : { ranges }),
    ...(previous.decision === undefined ? {} : { decision: previous.decision }),
  };
}

/**
 * The stored ranges that still fit the epic's benefits: a range of a removed benefit, or an
 * amount range of a benefit with nothing planned any more (there is no plan to scale), is
 * dropped, as the save's history then says; the rest is kept as it was.
 */
function keptRanges(
  stored: EpicValueDocument['ranges'],
  benefits: EpicValueDocument['benefits'],
): EpicValueDocument['ranges'] {
  if (stored === undefined) return undefined;
  const misfits = new Set(epicRangesIssues({ ranges: stored, benefits }).map((issue) => issue.path[1]));
  return { ...stored, benefits: stored.benefits.filter((_, index) => !misfits.has(index)) };
}
