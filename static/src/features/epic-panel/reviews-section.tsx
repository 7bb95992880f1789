import { useEffect, useState } from 'react';
import type { EpicReviewView, EpicReviewsView, ReviewState } from '../../../../src/contract/review.contract';
import { Button } from '../../ui/button';
import { Lozenge, type LozengeAppearance } from '../../ui/lozenge';
import { LoadFailedMessage } from '../../ui/load-failed-message';
import { getReviews, getValue } from './api';
import { focusSoon } from './focus';
import { formatDay } from './realised-detail';
import { ReviewCloseForm } from './review-close-form';
import { useDisplayNames } from './use-display-names';
import type { SavedValueSectionProps } from './saved-value-section';

const STATES: Record<ReviewState, { label: string; appearance: LozengeAppearance }> = {
  upcoming: { label: 'Upcoming', appearance: 'default' },
  due: { label: 'Due', appearance: 'moved' },
  overdue: { label: 'Overdue', appearance: 'removed' },
  closed: { label: 'Closed', appearance: 'success' },
};

/**
 * A calendar date (`2027-03-03`, the site's local day) as people read it. Read as UTC midnight and
 * shown in UTC, so a viewer west of Greenwich does not see the day before.
 */
export function formatDueDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
}

type Load =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; reviews: EpicReviewsView };

/**
 * The epic's benefit reviews after Done (issue #15): when each falls due, where it stands, when
 * the owners were told, who closed it; and, for one that is due, the dialog that closes it.
 */
export function ReviewsSection({
  issueKey,
  view,
  decimals,
  dirty,
  onViewChange,
  announce,
}: SavedValueSectionProps) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [closing, setClosing] = useState<number | null>(null);
  const reviews = load.status === 'ready' ? load.reviews.reviews : [];
  const { nameOf } = useDisplayNames(
    reviews.flatMap((review) => [
      ...(review.notified?.owners ?? []),
      ...(review.closed ? [review.closed.by] : []),
    ]),
  );

  useEffect(() => {
    let current = true;
    void getReviews(issueKey).then((answer) => {
      if (!current) return;
      setLoad(
        answer.ok
          ? { status: 'ready', reviews: answer.data }
          : { status: 'failed', message: answer.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [issueKey, attempt]);

  const onClosed = (next: EpicReviewsView, offsetMonths: number, actuals: number) => {
    setClosing(null);
    setLoad({ status: 'ready', reviews: next });
    announce(
      `Closed the ${String(offsetMonths)}-month review${actuals === 0 ? '' : `, with ${String(actuals)} actual${actuals === 1 ? '' : 's'} recorded`}.`,
    );
    focusSoon('reviews-heading');
    // The actuals were saved as realised entries: the value (and its revision) changed.
    void getValue(issueKey).then((answer) => {
      if (answer.ok) onViewChange(answer.data);
    });
  };

  return (
    <section className="section reviews" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading" className="section-title" tabIndex={-1}>
        Benefit reviews
      </h2>
      {load.status === 'loading' ? (
        <p className="section-hint">Loading the reviews…</p>
      ) : load.status === 'failed' ? (
        <LoadFailedMessage
          message={load.message}
          onRetry={() => {
            setLoad({ status: 'loading' });
            setAttempt((old) => old + 1);
          }}
        />
      ) : load.reviews.doneAt === null ? (
        <p className="section-hint">Reviews start when the epic is Done, at the offsets the admin sets.</p>
      ) : (
        <>
          <p className="section-hint">
            Done on {formatDay(load.reviews.doneAt)}; each review asks the benefit owners what was measured.
          </p>
          <ul className="review-list">
            {load.reviews.reviews.map((review) => (
              <ReviewItem
                key={review.offsetMonths}
                review={review}
                nameOf={nameOf}
                canClose={view.canEdit}
                dirty={dirty}
                onClose={() => {
                  setClosing(review.offsetMonths);
                }}
              />
            ))}
          </ul>
        </>
      )}
      {closing === null ? null : (
        <ReviewCloseForm
          issueKey={issueKey}
          offsetMonths={closing}
          view={view}
          decimals={decimals}
          onClosed={(next, actuals) => {
            onClosed(next, closing, actuals);
          }}
          onCancel={() => {
            setClosing(null);
          }}
        />
      )}
    </section>
  );
}

function ReviewItem({
  review,
  nameOf,
  canClose,
  dirty,
  onClose,
}: {
  review: EpicReviewView;
  nameOf: (accountId: string) => string;
  canClose: boolean;
  dirty: boolean;
  onClose: () => void;
}) {
  const state = STATES[review.state];
  const title = `${String(review.offsetMonths)}-month review`;
  const waitId = `review-${String(review.offsetMonths)}-wait`;
  const open = review.state === 'due' || review.state === 'overdue';
  return (
    <li className="review">
      <div className="review-head">
        <span className="review-title">{title}</span>
        <span className="vl-nowrap">Due {formatDueDate(review.dueDate)}</span>
        <Lozenge appearance={state.appearance}>{state.label}</Lozenge>
      </div>
      {review.notified === null ? null : (
        <p className="review-fact">
          Owners told on {formatDay(review.notified.at)}
          {review.notified.owners.length === 0 ? '' : ` (${review.notified.owners.map(nameOf).join(', ')})`}.
        </p>
      )}
      {review.closed === null ? null : (
        <p className="review-fact">
          Closed by {nameOf(review.closed.by)} on {formatDay(review.closed.at)}
          {review.closed.realisedEntries === 0
            ? ''
            : `, ${String(review.closed.realisedEntries)} actual${review.closed.realisedEntries === 1 ? '' : 's'} recorded`}
          {review.closed.note === '' ? '.' : `: ${review.closed.note}`}
        </p>
      )}
      {open && canClose ? (
        <div className="section-actions">
          <Button
            appearance="primary"
            disabled={dirty}
            aria-label={`Close the ${title}`}
            aria-describedby={dirty ? waitId : undefined}
            onClick={onClose}
          >
            Close review
          </Button>
          {dirty ? (
            <span id={waitId} className="inline-undo">
              Save your changes first: the actuals are saved with the value.
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
