import { useState } from 'react';
import type { ResolverError } from '../../../../src/contract/envelope';
import type { PlanningJobView } from '../../../../src/contract/planning-job.contract';
import type { AppliedScenarioView } from '../../../../src/contract/planning.contract';
import { VALUE_DECISION_NAMES } from '../../../../src/contract/value-vocabulary';
import { Button } from '../../ui/button';
import { Modal } from '../../ui/modal';
import { SectionMessage } from '../../ui/section-message';
import { AppliedMessage, epicsText } from './applied-message';
import { ApplyJob } from './apply-job';
import { startApply } from './planning-job-api';
import {
  applyRequestOf,
  decisionCounts,
  scenarioNameError,
  type PlannedScenario,
} from './scenario-decisions';
import { ScenarioNameField } from './scenario-name-field';
import { resolverErrorOf } from './thrown-error';

/** The epics the server says changed since the scenario ran (`CONFLICT` details), if any. */
function changedKeys(error: ResolverError): string[] {
  const details = error.details as { changed?: unknown } | undefined;
  return Array.isArray(details?.changed) ? details.changed.filter((key) => typeof key === 'string') : [];
}

type Outcome =
  | { state: 'none' }
  | { state: 'applied'; applied: AppliedScenarioView }
  | { state: 'job'; job: PlanningJobView; running: boolean };

/**
 * "Apply decisions" (issue #16): a dialog that says what will be recorded (epics per decision, the
 * scenario's name, and that no issue is transitioned), then records it, all or nothing: at once
 * for a few epics, else as a job of the server's queue whose progress the page follows. An epic
 * changed since the scenario ran is named, with the offer to run the scenario again.
 */
export function ApplyDecisions({
  view,
  defaultName,
  onRerun,
}: {
  view: PlannedScenario;
  defaultName: string;
  /** Runs the scenario again (it then shows the current revisions). */
  onRerun: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(defaultName);
  const [nameError, setNameError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'none' });
  const counts = decisionCounts(view);
  const total = view.exact.decisions.length;

  const close = () => {
    if (!busy) setOpen(false);
  };
  const confirm = async () => {
    const invalid = scenarioNameError(name);
    setNameError(invalid);
    if (invalid !== undefined) return;
    setBusy(true);
    setError(null);
    const answer = await startApply(applyRequestOf(name.trim(), view)).catch(
      (thrown: unknown): { ok: false; error: ResolverError } => ({
        ok: false,
        error: resolverErrorOf(thrown, 'The bridge failed.'),
      }),
    );
    setBusy(false);
    if (answer.ok) {
      setOutcome(
        answer.data.kind === 'result'
          ? { state: 'applied', applied: answer.data.applied }
          : { state: 'job', job: answer.data.job, running: true },
      );
      setOpen(false);
      return;
    }
    const onName = answer.error.fields?.find((field) => field.path === 'scenario');
    if (onName !== undefined) setNameError(onName.message);
    setError(answer.error);
  };
  const changed = error === null ? [] : changedKeys(error);

  return (
    <div className="vl-apply">
      <Button
        appearance="primary"
        disabled={total === 0}
        unavailable={outcome.state === 'job' && outcome.running}
        onClick={() => {
          setError(null);
          setNameError(undefined);
          setOpen(true);
        }}
      >
        Apply decisions
      </Button>
      <div className="vl-apply-outcome" aria-live="polite">
        {outcome.state === 'applied' ? <AppliedMessage applied={outcome.applied} /> : null}
        {outcome.state === 'job' ? (
          <ApplyJob
            key={outcome.job.id}
            job={outcome.job}
            onRerun={onRerun}
            onEnded={() => {
              setOutcome((current) => (current.state === 'job' ? { ...current, running: false } : current));
            }}
          />
        ) : null}
      </div>
      {open ? (
        <Modal
          title={`Apply decisions to ${epicsText(total)}?`}
          onClose={close}
          actions={
            <>
              <Button appearance="subtle" disabled={busy} onClick={close}>
                Cancel
              </Button>
              {changed.length > 0 ? (
                <Button
                  appearance="primary"
                  onClick={() => {
                    setOpen(false);
                    onRerun();
                  }}
                >
                  Run the scenario again
                </Button>
              ) : (
                <Button appearance="primary" busy={busy} onClick={() => void confirm()}>
                  Apply decisions
                </Button>
              )}
            </>
          }
        >
          <ScenarioNameField
            id="apply-scenario-name"
            label="Scenario name"
            hint="Recorded with each decision, and searchable in the epic’s history."
            error={nameError}
            value={name}
            onChange={setName}
          />
          <p>Each epic’s value record gets its decision, with the scenario’s name, you and today’s date:</p>
          <ul className="vl-apply-counts" aria-label="Decisions to record">
            {counts.map(({ choice, count }) => (
              <li key={choice}>
                <strong>{VALUE_DECISION_NAMES[choice]}</strong>: {epicsText(count)}
              </li>
            ))}
          </ul>
          <p>
            <strong>Issues are never transitioned</strong>: no status, assignee or field of Jira’s own
            changes. The decision is a record for the people who act on it, and it is all or nothing.
          </p>
          {error === null ? null : (
            <SectionMessage
              appearance="error"
              role="alert"
              title={
                error.code === 'SAVE_INCOMPLETE'
                  ? 'Some epics still record the decision'
                  : 'Nothing was applied'
              }
            >
              <p>{error.message}</p>
              {changed.length > 0 ? (
                <p>
                  Changed since the scenario ran: <strong>{changed.join(', ')}</strong>. Run the scenario
                  again to plan with what they hold now.
                </p>
              ) : null}
            </SectionMessage>
          )}
        </Modal>
      ) : null}
    </div>
  );
}
