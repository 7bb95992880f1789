import type { AdfDocument } from '../ports/issue-comments';

/** The comment property that carries a review notice's idempotency key. */
export const REVIEW_COMMENT_PROPERTY = 'value-layer-review';

const text = (value: string) => ({ type: 'text', text: value });
/** An ADF mention node: Jira notifies the mentioned user (https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/mention/). */
const mention = (accountId: string) => ({ type: 'mention', attrs: { id: accountId } });

/**
 * The comment that tells an epic's benefit owners a review fell due: it mentions each of them
 * (Jira notifies mentioned users who may browse the issue) and says what to do.
 */
export function reviewDueComment({
  owners,
  offsetMonths,
  dueDate,
}: {
  owners: readonly string[];
  offsetMonths: number;
  dueDate: string;
}): AdfDocument {
  const who =
    owners.length === 0
      ? [text('No benefit owner is named on this epic, so no one was mentioned. ')]
      : owners
          .flatMap((accountId, index) => [...(index === 0 ? [] : [text(', ')]), mention(accountId)])
          .concat(text(': '));
  return {
    type: 'doc',
    version: 1,
    content: [
      {
        type: 'paragraph',
        content: [
          ...who,
          text(
            `the ${String(offsetMonths)}-month benefit review of this epic fell due on ${dueDate}. ` +
              'Record the measured actuals and close the review in the Value panel.',
          ),
        ],
      },
    ],
  };
}
