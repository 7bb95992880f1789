import type { Benefit, RealisedAmount } from './benefit';

/** A realised entry whose `verified` grade the caller may not give, by position. */
export interface VerificationRefusal {
  readonly benefitIndex: number;
  readonly entryIndex: number;
}

type Entry = RealisedAmount<number>;

function sameFigures(a: Entry, b: Entry): boolean {
  return (
    a.amount === b.amount &&
    a.evidence === b.evidence &&
    (a.note ?? '') === (b.note ?? '') &&
    (a.evidenceLink ?? '') === (b.evidenceLink ?? '')
  );
}

/**
 * Sets who recorded and who verified each realised entry of `next`, from the server's knowledge
 * only: whatever `recordedBy`, `verifiedBy` and `verifiedAt` the client sent are replaced.
 *
 * An entry is matched to the stored one by benefit id and month. Unchanged (same amount, grade,
 * note and link): it keeps the stored stamps. New or changed: `recordedBy` is the caller; if it is
 * graded `verified`, the caller must be a verifier (else it is refused, nothing is stamped) and
 * becomes `verifiedBy` at `now`. An unchanged, already verified entry is not a new verification,
 * so anyone may save an epic that holds one. Entries not graded `verified` carry no verifier.
 */
export function stampRealisedEntries<B extends Benefit<number>>({
  next,
  previous,
  caller,
  callerIsVerifier,
  now,
}: {
  next: readonly B[];
  previous: readonly Benefit<number>[];
  caller: string;
  callerIsVerifier: boolean;
  now: string;
}): { benefits: B[] } | { refused: VerificationRefusal[] } {
  const stored = new Map<string, Entry>();
  for (const benefit of previous) {
    for (const entry of benefit.realised) stored.set(`${benefit.id}\u0000${entry.month}`, entry);
  }
  const refused: VerificationRefusal[] = [];
  const benefits = next.map((benefit, benefitIndex) => ({
    ...benefit,
    realised: benefit.realised.map((entry, entryIndex): Entry => {
      const before = stored.get(`${benefit.id}\u0000${entry.month}`);
      const { recordedBy: _r, verifiedBy: _v, verifiedAt: _a, ...figures } = entry;
      if (before !== undefined && sameFigures(before, entry)) {
        const kept = { ...figures };
        return {
          ...kept,
          ...(before.recordedBy === undefined ? {} : { recordedBy: before.recordedBy }),
          ...(entry.evidence === 'verified' && before.verifiedBy !== undefined
            ? {
                verifiedBy: before.verifiedBy,
                ...(before.verifiedAt === undefined ? {} : { verifiedAt: before.verifiedAt }),
              }
            : {}),
        };
      }
      if (entry.evidence !== 'verified') return { ...figures, recordedBy: caller };
      if (!callerIsVerifier) {
        refused.push({ benefitIndex, entryIndex });
        return { ...figures };
      }
      return { ...figures, recordedBy: caller, verifiedBy: caller, verifiedAt: now };
    }),
  }));
  return refused.length > 0 ? { refused } : { benefits };
}
