import { EVIDENCE_OPTIONS } from './labels';

/**
 * The evidence grades as a select's options. Only a verifier may grade "Verified" (the server
 * refuses anyone else's), so for anyone else it is disabled; the form holding the select says why.
 */
export function EvidenceOptions({ canVerify }: { canVerify: boolean }) {
  return (
    <>
      {EVIDENCE_OPTIONS.map((option) => (
        <option key={option.value} value={option.value} disabled={option.value === 'verified' && !canVerify}>
          {option.label}
        </option>
      ))}
    </>
  );
}
