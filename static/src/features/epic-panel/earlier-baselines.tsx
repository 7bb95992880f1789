import { useEffect, useId, useState } from 'react';
import type { ApprovedBaselineView, BaselineHistoryView } from '../../../../src/contract/panel.contract';
import { formatMoney, formatRatio } from '../../shared/format';
import { LoadFailedMessage } from '../../ui/load-failed-message';
import { getBaselines } from './api';
import { baselineTotalsOf } from './baseline-totals';
import { formatDay } from './realised-detail';
import { useDisplayNames } from './use-display-names';

type Load =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; history: BaselineHistoryView };

interface EarlierBaselinesProps {
  issueKey: string;
  /** The current baseline's version: every lower one is an earlier baseline. */
  currentVersion: number;
  currency: string;
  decimals: number;
}

/**
 * The baselines re-baselining replaced, newest first, behind a toggle so that the section stays
 * short: who approved each and when, why, and the plan it froze. Asked of the server when first
 * shown, and again after a new approval moves the current version.
 */
export function EarlierBaselines({ issueKey, currentVersion, currency, decimals }: EarlierBaselinesProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const earlier =
    load.status === 'ready' && load.history.currentVersion === currentVersion ? load.history.earlier : null;
  const { nameOf } = useDisplayNames(earlier?.map((baseline) => baseline.approvedBy) ?? []);

  useEffect(() => {
    if (!open) return;
    let current = true;
    void getBaselines(issueKey).then((answer) => {
      if (!current) return;
      setLoad(
        answer.ok
          ? { status: 'ready', history: answer.data }
          : { status: 'failed', message: answer.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [open, issueKey, currentVersion, attempt]);

  const count = currentVersion - 1;
  const missing =
    earlier === null
      ? []
      : Array.from({ length: count }, (_, index) => count - index).filter(
          (version) => !earlier.some((baseline) => baseline.version === version),
        );
  return (
    <div className="baseline-earlier">
      <button
        type="button"
        className="vl-link-button baseline-earlier-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => {
          setOpen(!open);
        }}
      >
        {open
          ? `Hide the earlier baseline${count === 1 ? '' : 's'}`
          : `Show the earlier baseline${count === 1 ? '' : 's'} (${String(count)})`}
      </button>
      <div id={listId} hidden={!open}>
        {!open ? null : load.status === 'failed' ? (
          <LoadFailedMessage
            message={load.message}
            onRetry={() => {
              setLoad({ status: 'loading' });
              setAttempt((old) => old + 1);
            }}
          />
        ) : earlier === null ? (
          <p className="section-hint">Loading the earlier baselines…</p>
        ) : (
          <>
            <ol className="baseline-earlier-list" aria-label="Earlier baselines, newest first">
              {earlier.map((baseline) => (
                <EarlierBaseline
                  key={baseline.version}
                  baseline={baseline}
                  nameOf={nameOf}
                  money={(amount) => formatMoney(amount, currency)}
                  decimals={decimals}
                />
              ))}
            </ol>
            {missing.length === 0 ? null : (
              <p className="section-hint">
                Not in the history (approved before it was kept, or unreadable): version
                {missing.length === 1 ? '' : 's'} {missing.join(', ')}.
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function EarlierBaseline({
  baseline,
  nameOf,
  money,
  decimals,
}: {
  baseline: ApprovedBaselineView;
  nameOf: (accountId: string) => string;
  money: (amount: number) => string;
  decimals: number;
}) {
  const totals = baselineTotalsOf(baseline, decimals);
  return (
    <li className="baseline-earlier-item">
      <p>
        <span className="baseline-earlier-version">Version {baseline.version}</span>, approved by{' '}
        {nameOf(baseline.approvedBy)} on {formatDay(baseline.approvedAt)}.
      </p>
      <p className="baseline-earlier-fact">
        <span className="vl-nowrap">{money(totals.benefit)}</span> net benefit,{' '}
        <span className="vl-nowrap">{money(totals.cost)}</span> cost,{' '}
        <span className="vl-nowrap">{formatRatio(baseline.successProbability)} success probability</span>.
      </p>
      {baseline.reason === undefined ? null : (
        <p className="baseline-earlier-fact">Reason: {baseline.reason}</p>
      )}
    </li>
  );
}
