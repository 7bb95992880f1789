import type { Scope } from '../../../../../src/contract/gadget.contract';
import { Button } from '../../../ui/button';
import { TILES, REVIEWS_TILE } from '../config/kpi-tiles';
import { formatDay, isRefusedScope, useReviewsDue } from '../data/reviews-due';
import { StatusIcon } from '../ui/status-icon';
import { TileHead, tileLabelId } from './tile-head';

const reviewsText = (count: number) => (count === 1 ? '1 review' : `${String(count)} reviews`);

/**
 * The benefit reviews tile: how many open reviews of the scope are overdue and how many due, the
 * count opening the list behind it. A scope the review index cannot count (objectives, JQL) shows
 * the server's reason in place of figures: a count of some other scope would be false.
 */
export function ReviewsTile({
  scope,
  refreshKey,
  onDrill,
}: {
  scope: Scope;
  refreshKey: string;
  onDrill: () => void;
}) {
  const tile = TILES[REVIEWS_TILE];
  const { resource, retry } = useReviewsDue(scope, refreshKey);
  const refused = resource.state === 'failed' && isRefusedScope(resource.error);
  const status =
    resource.state === 'ready' ? (resource.data.overdue > 0 ? 'off-target' : 'on-target') : 'not-computable';
  return (
    <li
      className="vl-tile vl-reviews-tile"
      data-status={status}
      data-unit={tile.unit}
      aria-labelledby={tileLabelId(tile)}
    >
      <TileHead tile={tile} />
      {resource.state === 'loading' ? <p className="vl-tile-detail">Counting the reviews…</p> : null}
      {resource.state === 'ready' ? (
        <>
          <button
            type="button"
            className="vl-tile-value"
            onClick={onDrill}
            aria-label={`${tile.label}: ${String(resource.data.overdue)} overdue, ${String(resource.data.due)} due. Show the reviews`}
          >
            <data value={String(resource.data.overdue)}>{resource.data.overdue}</data>
            <span className="vl-reviews-unit"> overdue</span>
          </button>
          <p className="vl-tile-detail">
            {reviewsText(resource.data.due)} due within 30 days · as of {formatDay(resource.data.asOf)}
          </p>
          <p className="vl-tile-status">
            <StatusIcon status={resource.data.overdue > 0 ? 'off-target' : 'on-target'} />
            <span>
              {resource.data.overdue > 0
                ? `${reviewsText(resource.data.overdue)} past ${resource.data.overdue === 1 ? 'its' : 'their'} date`
                : 'None overdue'}
            </span>
          </p>
        </>
      ) : null}
      {refused ? (
        <p className="vl-tile-status">
          <StatusIcon status="none" />
          <span>{resource.error.message}</span>
        </p>
      ) : null}
      {resource.state === 'failed' && !refused ? (
        <div className="vl-tile-status">
          <span>
            <strong>The reviews could not be counted.</strong> {resource.error.message}
          </span>
          <Button appearance="link" onClick={retry}>
            Try again
          </Button>
        </div>
      ) : null}
    </li>
  );
}
