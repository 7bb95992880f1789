import type { Benefit, RealisedAmount } from '../../../src/domain';
import { stampRealisedEntries } from '../../../src/domain/model/realised-stamps';

/*
 * Who recorded and who verified each realised entry (issue #15), set from what the server knows
 * only. Amounts in minor units.
 */

const NOW = '2026-04-02T08:30:00.000Z';
const EARLIER = '2026-03-01T12:00:00.000Z';

function benefit(id: string, realised: RealisedAmount<number>[]): Benefit<number> {
  return { id, kind: 'revenue', title: `Benefit ${id}`, planned: [], realised };
}

const storedMeasured: RealisedAmount<number> = {
  month: '2026-02',
  amount: 50_000,
  evidence: 'measured',
  note: 'From the sales ledger',
  evidenceLink: 'https://finance.example.com/report/2',
  recordedBy: 'alice',
};
const storedVerified: RealisedAmount<number> = {
  month: '2026-03',
  amount: 70_000,
  evidence: 'verified',
  recordedBy: 'alice',
  verifiedBy: 'victor',
  verifiedAt: EARLIER,
};
const previous = [benefit('b1', [storedMeasured, storedVerified])];

const stamp = (next: Benefit<number>[], caller: string, callerIsVerifier: boolean) =>
  stampRealisedEntries({ next, previous, caller, callerIsVerifier, now: NOW });

function stamped(result: ReturnType<typeof stamp>): Benefit<number>[] {
  if (!('benefits' in result)) throw new Error(`refused ${JSON.stringify(result.refused)}`);
  return result.benefits;
}

describe(stampRealisedEntries.name, () => {
  it('keeps the stored stamps of entries whose amount, grade, note and link are unchanged', () => {
    expect(stamped(stamp(previous, 'bob', false))).toEqual(previous);
  });

  it('lets anyone save an epic holding an unchanged verified entry: it is not a new verification', () => {
    const [saved] = stamped(stamp([benefit('b1', [storedVerified])], 'bob', false));
    expect(saved?.realised).toEqual([storedVerified]);
  });

  it('replaces whatever stamps the client sent with the stored ones', () => {
    const forged = { ...storedVerified, recordedBy: 'mallory', verifiedBy: 'mallory', verifiedAt: NOW };
    const [saved] = stamped(stamp([benefit('b1', [forged])], 'mallory', false));
    expect(saved?.realised).toEqual([storedVerified]);
  });

  it('stamps a new entry that is not verified with the caller as recorder and no verifier', () => {
    const entry: RealisedAmount<number> = {
      month: '2026-04',
      amount: 10_000,
      evidence: 'estimated',
      verifiedBy: 'mallory',
      verifiedAt: NOW,
    };
    const [saved] = stamped(stamp([benefit('b1', [entry])], 'bob', false));
    expect(saved?.realised).toEqual([
      { month: '2026-04', amount: 10_000, evidence: 'estimated', recordedBy: 'bob' },
    ]);
  });

  it('re-stamps an entry whose amount, grade, note or link changed, with the caller as recorder', () => {
    const changes: Partial<RealisedAmount<number>>[] = [
      { amount: 50_001 },
      { evidence: 'estimated' },
      { note: 'Corrected after the audit' },
      { evidenceLink: 'https://finance.example.com/report/3' },
    ];
    for (const change of changes) {
      const [saved] = stamped(stamp([benefit('b1', [{ ...storedMeasured, ...change }])], 'bob', false));
      expect(saved?.realised).toEqual([{ ...storedMeasured, ...change, recordedBy: 'bob' }]);
    }
  });

  it('drops the verifier of a verified entry that is downgraded, by anyone', () => {
    const downgraded = { ...storedVerified, evidence: 'measured' as const };
    const [saved] = stamped(stamp([benefit('b1', [downgraded])], 'bob', false));
    expect(saved?.realised).toEqual([
      { month: '2026-03', amount: 70_000, evidence: 'measured', recordedBy: 'bob' },
    ]);
  });

  it('stamps a new verified entry by a verifier as recorded and verified by them, now', () => {
    const entry: RealisedAmount<number> = { month: '2026-04', amount: 10_000, evidence: 'verified' };
    const [saved] = stamped(stamp([benefit('b1', [entry])], 'victor', true));
    expect(saved?.realised).toEqual([
      { ...entry, recordedBy: 'victor', verifiedBy: 'victor', verifiedAt: NOW },
    ]);
  });

  it('stamps a verified entry whose amount a verifier changed as verified again, now', () => {
    const changed = { ...storedVerified, amount: 80_000 };
    const [saved] = stamped(stamp([benefit('b1', [changed])], 'vera', true));
    expect(saved?.realised).toEqual([
      {
        month: '2026-03',
        amount: 80_000,
        evidence: 'verified',
        recordedBy: 'vera',
        verifiedBy: 'vera',
        verifiedAt: NOW,
      },
    ]);
  });

  it('refuses every new or changed verified entry of a caller who is not a verifier, by position', () => {
    const upgraded = { ...storedMeasured, evidence: 'verified' as const };
    const changedVerified = { ...storedVerified, amount: 1 };
    const fresh: RealisedAmount<number> = { month: '2026-05', amount: 5, evidence: 'verified' };
    const result = stamp(
      [
        benefit('b1', [upgraded, changedVerified]),
        benefit('b2', [{ month: '2026-01', amount: 3, evidence: 'measured' }, fresh]),
      ],
      'bob',
      false,
    );
    expect(result).toEqual({
      refused: [
        { benefitIndex: 0, entryIndex: 0 },
        { benefitIndex: 0, entryIndex: 1 },
        { benefitIndex: 1, entryIndex: 1 },
      ],
    });
  });

  it('matches entries by benefit id and month: the same month of another benefit is a new entry', () => {
    const elsewhere = { ...storedVerified };
    expect(stamp([benefit('b2', [elsewhere])], 'bob', false)).toEqual({
      refused: [{ benefitIndex: 0, entryIndex: 0 }],
    });
    const [saved] = stamped(stamp([benefit('b2', [{ ...storedMeasured }])], 'bob', false));
    expect(saved?.realised[0]?.recordedBy).toBe('bob');
  });

  it('keeps no recorder for an unchanged entry stored before recorders existed', () => {
    const legacy: RealisedAmount<number> = { month: '2025-12', amount: 100, evidence: 'verified' };
    const result = stampRealisedEntries({
      next: [benefit('b1', [legacy])],
      previous: [benefit('b1', [legacy])],
      caller: 'bob',
      callerIsVerifier: false,
      now: NOW,
    });
    expect(stamped(result)[0]?.realised).toEqual([legacy]);
  });

  it('keeps the benefit’s other fields as they were sent', () => {
    const next = [{ ...benefit('b1', [storedMeasured]), owner: 'olga', title: 'Renamed' }];
    expect(stamped(stamp(next, 'bob', false))).toEqual(next);
  });
});
