import type { PanelContext } from '../../../src/application/epic-value/panel-context';
import { getEpicValue } from '../../../src/application/epic-value/get-epic-value';
import { saveEpicValue } from '../../../src/application/epic-value/save-epic-value';
import { closeReview } from '../../../src/application/reviews/close-review';
import { scheduleEpicReviews } from '../../../src/application/reviews/schedule-epic-reviews';
import { SiteConfig } from '../../../src/application/site-config';
import { closeReviewInput } from '../../../src/contract/review.contract';
import { siteInfoIn } from '../../fakes/in-memory-issue-comments';
import { InMemoryJira, type FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { InMemoryWorkQueue } from '../../fakes/in-memory-work-queue';

const owner: FakeUser = { accountId: 'owner' };

/** PAY-1, Done on 31 January 2026 with one planned benefit; its 3-month review fell due on 30 April. */
async function site() {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  const settings = await new SiteConfig(store).settings();
  jira.addEpic({ key: 'PAY-1', status: 'done', doneAt: '2026-01-31T10:00:00.000Z' });
  const now = new Date('2026-05-04T09:00:00.000Z');
  const context: PanelContext = {
    accountId: owner.accountId,
    jira: jira.siteFor(owner),
    permissions: jira.permissionsFor(owner),
    groups: jira.groups,
    store,
    clock: { now: () => now },
    sleep: () => Promise.resolve(),
    rollupQueue: new InMemoryWorkQueue(),
  };
  await saveEpicValue(context, {
    issueKey: 'PAY-1',
    baseRevision: 0,
    value: {
      benefits: [
        {
          id: 'b1',
          kind: 'revenue',
          title: 'Faster checkout',
          planned: [{ month: '2026-04', amount: 1000 }],
          realised: [],
        },
      ],
    },
  });
  const issue = jira.issues.get('PAY-1');
  if (issue === undefined) throw new Error('PAY-1 was added');
  await scheduleEpicReviews({ store, clock: context.clock, siteInfo: siteInfoIn('UTC') }, issue, settings);
  const close = (actual: Record<string, unknown>) =>
    closeReview(
      context,
      closeReviewInput.parse({
        issueKey: 'PAY-1',
        offsetMonths: 3,
        baseRevision: 1,
        actuals: [{ benefitId: 'b1', month: '2026-04', amount: 950, evidence: 'measured', ...actual }],
        note: 'On plan',
      }),
    );
  return { context, close };
}

describe('closeReview', () => {
  it('stores an actual’s evidence link and note on the realised entry it records', async () => {
    const { context, close } = await site();

    const reviews = await close({
      note: 'April ledger',
      evidenceLink: 'https://finance.example.com/ledger/2026-04',
    });

    expect(reviews.reviews.find((review) => review.offsetMonths === 3)?.state).toBe('closed');
    const view = await getEpicValue(context, { issueKey: 'PAY-1' });
    expect(view.value.benefits[0]?.realised).toEqual([
      {
        month: '2026-04',
        amount: 950,
        evidence: 'measured',
        note: 'April ledger',
        evidenceLink: 'https://finance.example.com/ledger/2026-04',
        recordedBy: owner.accountId,
      },
    ]);
  });
});

describe('closeReviewInput', () => {
  it.each(['http://finance.example.com/ledger', 'finance.example.com/ledger', 'javascript:alert(1)'])(
    'refuses the evidence link %j, naming the actual’s field',
    (evidenceLink) => {
      const parsed = closeReviewInput.safeParse({
        issueKey: 'PAY-1',
        offsetMonths: 3,
        baseRevision: 1,
        actuals: [{ benefitId: 'b1', month: '2026-04', amount: 950, evidence: 'measured', evidenceLink }],
      });

      expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['actuals', 0, 'evidenceLink']]);
    },
  );
});
