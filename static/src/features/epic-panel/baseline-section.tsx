import { useState } from 'react';
import { KPI_NAMES } from '../../../../src/contract/value-vocabulary';
import { formatMoney, formatRatio } from '../../shared/format';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { SectionMessage } from '../../ui/section-message';
import { approveBaseline } from './api';
import { focusSoon } from './focus';
import { baselineTotalsOf } from './baseline-totals';
import { EarlierBaselines } from './earlier-baselines';
import { formatDay } from './realised-detail';
import { useDisplayNames } from './use-display-names';
import type { SavedValueSectionProps } from './saved-value-section';

/** A drift with its sign (`+12%`, `−5%`), an em dash when it cannot be computed. */
function signedRatio(ratio: number | null): string {
  const text = formatRatio(ratio === null ? null : Math.abs(ratio));
  return ratio === null || ratio === 0 ? text : `${ratio > 0 ? '+' : '−'}${text}`;
}

const REASON_ID = 'baseline-reason';

/**
 * The epic's approved baseline (the plan as last approved, kept when the plan changes) and, for
 * an approver, the action that approves the saved plan; approving again needs a reason.
 */
export function BaselineSection({
  issueKey,
  view,
  decimals,
  dirty,
  onViewChange,
  announce,
}: SavedValueSectionProps) {
  const baseline = view.value.baseline;
  const { nameOf } = useDisplayNames(baseline === undefined ? [] : [baseline.approvedBy]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ reason?: string; message?: string } | null>(null);
  const canApprove = view.canApproveBaseline && view.canEdit;
  const money = (amount: number) => formatMoney(amount, view.currency);

  const approve = async () => {
    if (baseline !== undefined && reason.trim() === '') {
      setProblem({
        reason: 'Say why the plan is approved again; the earlier baseline is kept in the history.',
      });
      focusSoon(REASON_ID);
      return;
    }
    setBusy(true);
    setProblem(null);
    const answer = await approveBaseline({
      issueKey,
      baseRevision: view.revision,
      ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
    });
    setBusy(false);
    if (answer.ok) {
      setReason('');
      onViewChange(answer.data);
      announce(
        `Approved the saved plan as baseline version ${String(answer.data.value.baseline?.version ?? '')}.`,
      );
      return;
    }
    const onReason = answer.error.fields?.find((field) => field.path === 'reason');
    setProblem(onReason === undefined ? { message: answer.error.message } : { reason: onReason.message });
    focusSoon(onReason === undefined ? 'baseline-error' : REASON_ID);
  };

  const totals = baseline === undefined ? null : baselineTotalsOf(baseline, decimals);
  return (
    <section className="section baseline" aria-labelledby="baseline-heading">
      <h2 id="baseline-heading" className="section-title">
        Approved baseline
      </h2>
      {baseline === undefined || totals === null ? (
        <p className="section-hint">
          The plan is not approved yet. Once an approver approves it, it is kept as the baseline that
          realisation and forecast drift are measured against.
        </p>
      ) : (
        <div className="baseline-facts">
          <p>
            Version {baseline.version}, approved by {nameOf(baseline.approvedBy)} on{' '}
            {formatDay(baseline.approvedAt)}.
          </p>
          <p>
            Approved plan: <span className="vl-nowrap">{money(totals.benefit)}</span> net benefit,{' '}
            <span className="vl-nowrap">{money(totals.cost)}</span> cost.
          </p>
          {baseline.reason === undefined ? null : <p>Reason: {baseline.reason}</p>}
          <p>
            <span className="vl-nowrap">
              {KPI_NAMES.baselineRealisationRate}: {formatRatio(view.kpis.baselineRealisationRate)}
            </span>{' '}
            ·{' '}
            <span className="vl-nowrap">
              {KPI_NAMES.forecastDrift}: {signedRatio(view.kpis.forecastDrift)}
            </span>
          </p>
          {baseline.version > 1 ? (
            <EarlierBaselines
              issueKey={issueKey}
              currentVersion={baseline.version}
              currency={view.currency}
              decimals={decimals}
            />
          ) : null}
        </div>
      )}
      {canApprove ? (
        <div className="baseline-approve">
          {baseline === undefined ? null : (
            <Field
              id={REASON_ID}
              label="Why the plan is approved again"
              required
              error={problem?.reason}
              hint="Kept with the new baseline; the earlier one stays in the history."
            >
              {(control) => (
                <textarea
                  {...control}
                  className="vl-input vl-textarea"
                  rows={2}
                  maxLength={2000}
                  value={reason}
                  onChange={(event) => {
                    setReason(event.target.value);
                  }}
                />
              )}
            </Field>
          )}
          <div className="section-actions">
            <Button
              appearance="default"
              disabled={busy || dirty || view.revision === 0}
              aria-describedby={dirty || view.revision === 0 ? 'baseline-wait' : undefined}
              onClick={() => void approve()}
            >
              {baseline === undefined
                ? 'Approve the saved plan'
                : `Approve as version ${String(baseline.version + 1)}`}
            </Button>
            {dirty || view.revision === 0 ? (
              <span id="baseline-wait" className="inline-undo">
                {view.revision === 0
                  ? 'Save a plan first: approval freezes the saved plan.'
                  : 'Save your changes first: approval freezes the saved plan.'}
              </span>
            ) : null}
          </div>
          {problem?.message === undefined ? null : (
            <SectionMessage appearance="error" id="baseline-error" tabIndex={-1}>
              <p>{problem.message}</p>
            </SectionMessage>
          )}
        </div>
      ) : null}
    </section>
  );
}
