import type { RangesView } from '../../../../../src/contract/ranges.contract';
import { FanChart } from '../../../charts/fan-chart';
import { SectionMessage } from '../../../ui/section-message';
import type { LoadedResource } from '../../../shared/use-resource';
import { seedText } from '../config/range-text';
import { RangesExport } from './ranges-export';

/**
 * The risk ranges section: the fan chart of cumulative benefit with the seed and draws that
 * reproduce it, or why it cannot be shown (a scope too large for one request says so).
 */
export function RangesSection({ loaded }: { loaded: LoadedResource<RangesView> }) {
  const { resource, retry } = loaded;
  return (
    <section className="vl-section vl-card" aria-busy={resource.state === 'loading'}>
      {resource.state === 'loading' ? (
        <p className="vl-subtle" role="status">
          Simulating the risk ranges…
        </p>
      ) : null}
      {resource.state === 'failed' ? (
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
        <>
          <FanChart
            fan={resource.data.fan}
            currency={resource.data.currency}
            note={`${seedText(resource.data)}: the same seed and epics give the same figures.`}
          />
          <RangesExport ranges={resource.data} />
        </>
      ) : null}
    </section>
  );
}
