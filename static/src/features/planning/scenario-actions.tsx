import { useState, type SyntheticEvent } from 'react';
import type { SavedScenarioSummary } from '../../../../src/contract/saved-scenario.contract';
import { formatMoney } from '../../shared/format';
import { Button } from '../../ui/button';
import { SectionMessage } from '../../ui/section-message';
import { ApplyDecisions } from './apply-dialog';
import { saveScenario, type RunScenarioRequest } from './planning-api';
import { scenarioNameError, type PlannedScenario } from './scenario-decisions';
import { scenarioSaved } from './scenario-events';
import { ScenarioNameField } from './scenario-name-field';
import { downloadScenario } from './scenario-export';
import { resolverErrorOf } from './thrown-error';

/** A name that says what the scenario is, for the user to keep or change. */
export function suggestedName(cap: RunScenarioRequest['cap'], view: PlannedScenario): string {
  const what =
    cap.kind === 'percent-cut'
      ? `Cut ${String(cap.percent)}%`
      : `Cap ${formatMoney(cap.amount, view.currency)}`;
  return `${what}${cap.perQuarter ? ' per quarter' : ''} from ${view.asOf}`;
}

/**
 * What can be done with a planned scenario: apply its decisions, save it under a name (when its
 * inputs are at hand), and export it as CSV or JSON.
 */
export function ScenarioActions({
  view,
  name,
  request,
  onRerun,
}: {
  view: PlannedScenario;
  name: string;
  /** The inputs to save; a saved scenario opened again has none to offer. */
  request?: RunScenarioRequest;
  onRerun: () => void;
}) {
  const [exported, setExported] = useState<string | null>(null);
  return (
    <div className="vl-scenario-actions">
      <div className="vl-scenario-buttons">
        <ApplyDecisions key={name} view={view} defaultName={name} onRerun={onRerun} />
        <div role="group" aria-label={`Export “${name}”`} className="vl-scenario-buttons">
          <Button
            onClick={() => {
              setExported(downloadScenario(name, view, 'csv'));
            }}
          >
            Export CSV
          </Button>
          <Button
            onClick={() => {
              setExported(downloadScenario(name, view, 'json'));
            }}
          >
            Export JSON
          </Button>
        </div>
      </div>
      <p role="status" className="vl-subtle">
        {exported === null ? '' : `Downloaded ${exported}.`}
      </p>
      {request === undefined ? null : <SaveScenario key={name} request={request} suggested={name} />}
    </div>
  );
}

function SaveScenario({ request, suggested }: { request: RunScenarioRequest; suggested: string }) {
  const [name, setName] = useState(suggested);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<SavedScenarioSummary | null>(null);
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const invalid = scenarioNameError(name);
    setError(invalid);
    setFailure(null);
    if (invalid !== undefined) return;
    setBusy(true);
    const { scope, cap, pins, floors } = request;
    const answer = await saveScenario({ name: name.trim(), inputs: { scope, cap, pins, floors } }).catch(
      (thrown: unknown) => ({ ok: false as const, error: resolverErrorOf(thrown, 'The bridge failed.') }),
    );
    setBusy(false);
    if (answer.ok) {
      setSaved(answer.data);
      scenarioSaved();
      return;
    }
    const onName =
      'fields' in answer.error ? answer.error.fields?.find((field) => field.path === 'name') : undefined;
    if (onName === undefined) setFailure(answer.error.message);
    else setError(onName.message);
  };
  return (
    <form
      className="vl-save-scenario"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Save this scenario"
    >
      <ScenarioNameField
        id="save-scenario-name"
        label="Save as"
        hint="Saves the scope, cap, pins and floors; whoever opens it sees it computed again from the epics they may browse."
        error={error}
        value={name}
        onChange={(typed) => {
          setName(typed);
          setSaved(null);
        }}
      />
      <div className="vl-form-actions">
        <Button type="submit" busy={busy}>
          Save scenario
        </Button>
      </div>
      <div aria-live="polite">
        {saved === null ? null : (
          <p role="status">Saved “{saved.name}”. It is listed under Saved scenarios.</p>
        )}
        {failure === null ? null : (
          <SectionMessage appearance="error" title="The scenario was not saved">
            <p>{failure}</p>
          </SectionMessage>
        )}
      </div>
    </form>
  );
}
