import type { EpicValueDocument } from '../../../../src/contract/epic-value.schema';
import { TextField, useForm } from './form';

/** Who recorded and who verified a saved realised entry (server-set, shown read-only). */
export interface RealisedStamps {
  recordedBy: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
}

/**
 * The stamps of the saved entry of `benefitId` for `month`, or null when nothing is saved for it
 * yet (a new row, or a month typed that was not saved). Entries are matched as the server
 * matches them: by benefit id and month.
 */
export function stampsOf(
  saved: EpicValueDocument,
  benefitId: string | undefined,
  month: string | null,
): RealisedStamps | null {
  if (benefitId === undefined || month === null) return null;
  const entry = saved.benefits
    .find((benefit) => benefit.id === benefitId)
    ?.realised.find((candidate) => candidate.month === month);
  if (entry === undefined) return null;
  return {
    recordedBy: entry.recordedBy ?? null,
    verifiedBy: entry.verifiedBy ?? null,
    verifiedAt: entry.verifiedAt ?? null,
  };
}

/** A day as people read it (`3 Nov 2026`), in the viewer's language and time zone. */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** "Recorded by Sam Okafor · Verified by Priya Natarajan on 3 Nov 2026", or '' when not stamped. */
export function stampsText(stamps: RealisedStamps | null, nameOf: (accountId: string) => string): string {
  if (stamps === null) return '';
  const parts: string[] = [];
  if (stamps.recordedBy !== null) parts.push(`Recorded by ${nameOf(stamps.recordedBy)}`);
  if (stamps.verifiedBy !== null)
    parts.push(
      `Verified by ${nameOf(stamps.verifiedBy)}${stamps.verifiedAt === null ? '' : ` on ${formatDay(stamps.verifiedAt)}`}`,
    );
  return parts.join(' · ');
}

interface RealisedDetailProps {
  /** e.g. `value.benefits[0].realised[2]`. */
  rowPath: string;
  /** The row's month as read (`Mar 2026`), or `row 3`. */
  which: string;
  /** The series' name, e.g. "Realised benefit". */
  label: string;
  stamps: RealisedStamps | null;
}

/** A realised entry's note, evidence link, and who recorded and verified it. */
export function RealisedDetail({ rowPath, which, label, stamps }: RealisedDetailProps) {
  const form = useForm();
  const stamped = stampsText(stamps, form.nameOf);
  const named = (field: string) => (
    <>
      <span className="vl-visually-hidden">{label}: </span>
      {field}
      <span className="vl-visually-hidden"> for {which}</span>
    </>
  );
  return (
    <div className="realised-detail">
      <div className="form-row">
        <TextField path={`${rowPath}.note`} label={named('Note')} className="form-grow" />
        <TextField path={`${rowPath}.evidenceLink`} label={named('Evidence link')} className="form-grow" />
      </div>
      {stamped === '' ? null : <p className="realised-stamps">{stamped}</p>}
    </div>
  );
}
