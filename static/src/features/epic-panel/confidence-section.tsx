import { fieldId, type NpsDraft } from './draft';
import { focusSoon } from './focus';
import { TextField, useForm } from './form';
import { formatScore } from './history-text';
import { parseDecimal } from './numbers';
import { CostOverrunFields } from './range-fields';
import { npsOf } from './validate';
import { Button } from '../../ui/button';

/** Success probability, the cost overrun range, and the NPS survey at completion with its score. */
export function ConfidenceSection({ done }: { done: boolean }) {
  const form = useForm();
  const nps = form.draft.nps;
  const counts =
    nps === null
      ? null
      : (['promoters', 'passives', 'detractors'] as const).map((key) => parseDecimal(nps[key], 0));
  const score =
    counts?.every((count) => count.ok && count.units >= 0) === true
      ? npsOf({
          promoters: counts[0]?.ok === true ? counts[0].units : 0,
          passives: counts[1]?.ok === true ? counts[1].units : 0,
          detractors: counts[2]?.ok === true ? counts[2].units : 0,
        })
      : undefined;
  const responses = counts?.reduce((sum, count) => sum + (count.ok ? count.units : 0), 0) ?? 0;

  return (
    <>
      <section className="section" aria-labelledby="probability-heading">
        <h2 id="probability-heading" className="section-title">
          Success probability
        </h2>
        <TextField
          path="value.successProbability"
          label="Chance that the planned benefits arrive"
          kind="percent"
          suffix="%"
          className="form-narrow"
          hint="Expected ROI and NPV weigh the benefits still to come by this chance."
        />
      </section>
      <CostOverrunFields />
      <section className="section" aria-labelledby="nps-heading">
        <h2 id="nps-heading" className="section-title">
          NPS at completion
        </h2>
        {nps === null ? (
          <div className="empty-state">
            <p>
              <strong>No survey recorded.</strong>{' '}
              {done
                ? 'Record how customers rated the outcome once the survey is in.'
                : 'When the epic is done, record how customers rated the outcome.'}
            </p>
            {form.readOnly ? null : (
              <Button
                onClick={() => {
                  form.update('value.nps', (): NpsDraft => ({ promoters: '', passives: '', detractors: '' }));
                  focusSoon(fieldId('value.nps.promoters'));
                }}
              >
                Record survey results
              </Button>
            )}
          </div>
        ) : (
          <>
            <div className="form-row nps-fields">
              <TextField path="value.nps.promoters" label="Promoters (9–10)" kind="count" />
              <TextField path="value.nps.passives" label="Passives (7–8)" kind="count" />
              <TextField path="value.nps.detractors" label="Detractors (0–6)" kind="count" />
            </div>
            <p className="nps-score" aria-live="polite">
              {score === undefined ? (
                'NPS shows once all three counts are whole numbers.'
              ) : score === null ? (
                'NPS: no responses yet.'
              ) : (
                <>
                  NPS <strong>{formatScore(score)}</strong> from {responses.toLocaleString()} response
                  {responses === 1 ? '' : 's'}
                </>
              )}
            </p>
            {done ? null : (
              <p className="vl-hint">
                Counts toward the portfolio’s NPS at completion once the epic is done.
              </p>
            )}
            {form.readOnly ? null : (
              <Button
                appearance="subtle"
                onClick={() => {
                  form.update('value.nps', () => null);
                  form.announce('Removed the survey results.');
                }}
              >
                Remove survey results
              </Button>
            )}
          </>
        )}
      </section>
    </>
  );
}
