import { reviewsDue, type ReviewsDueContext } from '../../../src/application/reviews/reviews-due';
import { reviewOpenKey } from '../../../src/application/storage-keys';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { siteInfoIn } from '../../fakes/in-memory-issue-comments';

async function storeWith(
  reviews: { issueId: string; projectKey: string; parentKey: string | null; dueDate: string }[],
): Promise<InMemoryKeyValueStore> {
  const store = new InMemoryKeyValueStore();
  for (const review of reviews) {
    await store.set(reviewOpenKey({ ...review, offsetMonths: 3 }), {
      ...review,
      issueKey: `${review.projectKey}-${review.issueId}`,
      summary: `Epic ${review.issueId}`,
      offsetMonths: 3,
    });
  }
  return store;
}

function contextOf(store: InMemoryKeyValueStore, browsable: string[]): ReviewsDueContext {
  return {
    store,
    clock: { now: () => new Date('2026-06-15T10:00:00.000Z') },
    siteInfo: siteInfoIn('UTC'),
    viewer: { accountId: '5b10a2844c20165700ede21g', browsableProjectKeys: () => Promise.resolve(browsable) },
  };
}

describe('reviewsDue', () => {
  const reviews = [
    { issueId: '1', projectKey: 'PAY', parentKey: 'PRG-1', dueDate: '2026-04-30' }, // 46 days late: overdue
    { issueId: '2', projectKey: 'PAY', parentKey: null, dueDate: '2026-06-01' }, // 14 days: due
    { issueId: '3', projectKey: 'CHK', parentKey: 'PRG-1', dueDate: '2026-06-15' }, // today: due
    { issueId: '4', projectKey: 'HR', parentKey: null, dueDate: '2026-05-01' }, // not browsable
    { issueId: '5', projectKey: 'PAY', parentKey: null, dueDate: '2026-06-16' }, // tomorrow: not yet
  ];

  it('counts due and overdue reviews of projects the viewer may browse, oldest first', async () => {
    const view = await reviewsDue(contextOf(await storeWith(reviews), ['PAY', 'CHK']), {
      scope: { kind: 'all' },
    });
    expect(view).toMatchObject({ asOf: '2026-06-15', due: 2, overdue: 1, total: 3 });
    expect(view.reviews.map((row) => [row.issueKey, row.state])).toEqual([
      ['PAY-1', 'overdue'],
      ['PAY-2', 'due'],
      ['CHK-3', 'due'],
    ]);
  });

  it('returns only the reviews of the projects or programmes the scope names', async () => {
    const store = await storeWith(reviews);
    const byProject = await reviewsDue(contextOf(store, ['PAY', 'CHK', 'HR']), {
      scope: { kind: 'projects', projects: ['CHK', 'HR'] },
    });
    expect(byProject.reviews.map((row) => row.issueKey)).toEqual(['HR-4', 'CHK-3']);
    const byProgramme = await reviewsDue(contextOf(store, ['PAY', 'CHK']), {
      scope: { kind: 'programmes', programmes: ['PRG-1'] },
    });
    expect(byProgramme.reviews.map((row) => row.issueKey)).toEqual(['PAY-1', 'CHK-3']);
  });

  it('refuses an objective or JQL scope, naming the field, rather than count another scope', async () => {
    await expect(
      reviewsDue(contextOf(await storeWith(reviews), ['PAY']), {
        scope: { kind: 'jql', jql: 'project = PAY' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [{ path: 'scope.kind' }] });
  });
});
