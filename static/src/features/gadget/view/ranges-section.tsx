import { useEffect, useRef } from 'react';
import type { PlanningJobView } from '../../../../../src/contract/planning-job.contract';
import type { RangesView } from '../../../../../src/contract/ranges.contract';
import { FanChart } from '../../../charts/fan-chart';
import { JobProgress, useFollowedJob } from '../../../shared/followed-job';
import { Button } from '../../../ui/button';
import { SectionMessage } from '../../../ui/section-message';
import { seedText } from '../config/range-text';
import { getRangesJob, type BackgroundRanges, type RangesLoad } from '../data/ranges';
import { RangesExport } from './ranges-export';

/**
 * The risk ranges section: the fan chart of cumulative benefit with the seed and draws that
 * reproduce it, or why it cannot be shown. A scope too large for one request can have its ranges
 * computed in the background: the section starts the job, shows its progress, then its ranges.
 */
export function RangesSection({ loaded }: { loaded: RangesLoad }) {
  const { resource, retry, background } = loaded;
  return (
    <section className="vl-section vl-card" aria-busy={resource.state === 'loading'}>
      {resource.state === 'loading' ? (
        <p className="vl-subtle" role="status">
          Simulating the risk ranges…
        </p>
      ) : null}
      {resource.state === 'failed' && background !== null ? (
        <InBackground message={resource.error.message} background={background} />
      ) : null}
      {resource.state === 'failed' && background === null ? (
        <SectionMessage appearance="warning">
          <p>
            The risk ranges could not be computed: {resource.error.message}{' '}
            {resource.error.code === 'TOO_LARGE' ? null : (
              <button type="button" className="vl-button vl-button-subtle" onClick={retry}>
                Try again
              </button>
            )}
          </p>
        </SectionMessage>
      ) : null}
      {resource.state === 'ready' ? (
        <Ranges ranges={resource.data} computedBy={background?.job ?? null} />
      ) : null}
    </section>
  );
}

function Ranges({ ranges, computedBy }: { ranges: RangesView; computedBy: PlanningJobView | null }) {
  const when =
    computedBy === null
      ? null
      : new Date(computedBy.updatedAt).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' });
  return (
    <>
      <FanChart
        fan={ranges.fan}
        currency={ranges.currency}
        note={`${seedText(ranges)}: the same seed and epics give the same figures.${
          when === null ? '' : ` Computed in the background at ${when}.`
        }`}
      />
      <RangesExport ranges={ranges} />
    </>
  );
}

/** A scope too large for one request: its job's progress, why it stopped, or the offer to start one. */
function InBackground({ message, background }: { message: string; background: BackgroundRanges }) {
  const { job, starting, startError, start } = background;
  if (job?.state === 'running') return <FollowedRangesJob started={job} onRead={background.followed} />;
  const stopped = job === null || job.state === 'done' ? null : job;
  return (
    <SectionMessage
      appearance={stopped === null ? 'information' : 'warning'}
      actions={
        <Button spacing="compact" busy={starting} onClick={start}>
          {stopped === null ? 'Compute in the background' : 'Try again in the background'}
        </Button>
      }
    >
      <p>
        {stopped === null
          ? message
          : `The risk ranges computed in the background stopped: ${stopped.error?.message ?? 'no reason was given'}`}
      </p>
      {startError === null ? null : <p role="alert">They could not be started: {startError}</p>}
    </SectionMessage>
  );
}

function FollowedRangesJob({
  started,
  onRead,
}: {
  started: PlanningJobView;
  onRead: (job: PlanningJobView) => void;
}) {
  const followed = useFollowedJob(started, { get: getRangesJob });
  const { job } = followed;
  const read = useRef(onRead);
  useEffect(() => {
    read.current = onRead;
  });
  useEffect(() => {
    if (job.state !== 'running') read.current(job);
  }, [job]);
  return (
    <JobProgress
      followed={followed}
      label="Risk ranges in progress"
      explanation="Computing the risk ranges in the background: this scope has more epics than one request reads. They stay here for an hour, also after a reload."
    />
  );
}
