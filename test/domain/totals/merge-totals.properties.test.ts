/**
 * The laws that make stored per-project aggregates trustworthy: merging totals is exact,
 * commutative and associative with the empty totals as identity, so the totals of any set of
 * epics equal the merge of the totals of any partition of it, in any order.
 */
import fc from 'fast-check';
import {
  emptyTotals,
  mergeTotals,
  sumTotals,
  totalsOfEpic,
  totalsOfEpics,
  type Epic,
} from '../../../src/domain';
import { epicArbitrary } from '../../fixtures/value-arbitraries';

const totalsArbitrary = fc.array(epicArbitrary, { maxLength: 5 }).map((epics) => totalsOfEpics({ epics }));

/** Epics, a part (0-3) for each, and an order in which to merge the parts. */
const partitionArbitrary = fc.array(epicArbitrary, { maxLength: 12 }).chain((epics) =>
  fc.record({
    epics: fc.constant(epics),
    partOf: fc.array(fc.nat(3), { minLength: epics.length, maxLength: epics.length }),
    order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
  }),
);

describe(mergeTotals.name, () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(totalsArbitrary, totalsArbitrary, (a, b) => {
        expect(mergeTotals(a, b)).toEqual(mergeTotals(b, a));
      }),
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(totalsArbitrary, totalsArbitrary, totalsArbitrary, (a, b, c) => {
        expect(mergeTotals(mergeTotals(a, b), c)).toEqual(mergeTotals(a, mergeTotals(b, c)));
      }),
    );
  });

  it('has the empty totals as identity', () => {
    fc.assert(
      fc.property(totalsArbitrary, (a) => {
        expect(mergeTotals(a, emptyTotals())).toEqual(a);
        expect(mergeTotals(emptyTotals(), a)).toEqual(a);
      }),
    );
  });

  it('gives the totals of the whole for the parts of any partition merged in any order', () => {
    fc.assert(
      fc.property(partitionArbitrary, ({ epics, partOf, order }) => {
        const parts = order.map((part) =>
          totalsOfEpics({ epics: epics.filter((_, index) => partOf[index] === part) }),
        );
        expect(parts.reduce(mergeTotals, emptyTotals())).toEqual(totalsOfEpics({ epics }));
      }),
    );
  });

  it('gives the same result on totals that went through JSON (as stored aggregates do)', () => {
    fc.assert(
      fc.property(totalsArbitrary, totalsArbitrary, (a, b) => {
        const stored = (totals: typeof a) => JSON.parse(JSON.stringify(totals)) as typeof a;
        expect(mergeTotals(stored(a), stored(b))).toEqual(mergeTotals(a, b));
      }),
    );
  });
});

describe(sumTotals.name, () => {
  it('equals folding the per-epic totals with mergeTotals', () => {
    fc.assert(
      fc.property(fc.array(epicArbitrary, { maxLength: 8 }), (epics: Epic[]) => {
        const perEpic = epics.map((epic) => totalsOfEpic({ epic }));
        expect(sumTotals({ parts: perEpic })).toEqual(perEpic.reduce(mergeTotals, emptyTotals()));
        expect(sumTotals({ parts: perEpic })).toEqual(totalsOfEpics({ epics }));
      }),
    );
  });
});
