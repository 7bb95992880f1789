import { useEffect, useState } from 'react';
import type { ResolverError } from '../../../../src/contract/envelope';
import type { OpenedScenario, SavedScenarioSummary } from '../../../../src/contract/saved-scenario.contract';
import { formatMoney } from '../../shared/format';
import { useResource } from '../../shared/use-resource';
import { Button } from '../../ui/button';
import { Modal } from '../../ui/modal';
import { SectionMessage } from '../../ui/section-message';
import { BudgetCutResults } from './budget-cut-results';
import { deleteScenario, listScenarios, openScenario } from './planning-api';
import { ScenarioActions } from './scenario-actions';
import { ScenarioCompare } from './scenario-compare';
import { onScenarioSaved } from './scenario-events';

function scopeText(scope: SavedScenarioSummary['scope']): string {
  switch (scope.kind) {
    case 'all':
      return 'Whole site';
    case 'projects':
      return `Projects ${scope.projects.join(', ')}`;
    case 'programmes':
      return `Programmes ${scope.programmes.join(', ')}`;
    case 'objectives':
      return `Objectives ${scope.objectives.join(', ')}`;
    case 'jql':
      return `JQL: ${scope.jql}`;
  }
}

function capText(cap: SavedScenarioSummary['cap']): string {
  const what =
    cap.kind === 'percent-cut' ? `Cut ${String(cap.percent)}%` : `Cap ${cap.amount.toLocaleString('en')}`;
  return cap.perQuarter ? `${what} per quarter` : what;
}

type Opened =
  | { state: 'none' }
  | { state: 'opening'; ids: string[] }
  | { state: 'open'; scenarios: OpenedScenario[] }
  | { state: 'failed'; error: ResolverError; ids: string[] };

async function openAll(ids: readonly string[]): Promise<Opened> {
  const answers = await Promise.all(ids.map((id) => openScenario(id)));
  for (const answer of answers)
    if (!answer.ok) return { state: 'failed', error: answer.error, ids: [...ids] };
  return { state: 'open', scenarios: answers.flatMap((answer) => (answer.ok ? [answer.data] : [])) };
}

/**
 * The site's saved scenarios (issue #16): open one (computed again as the viewer), pick two or more
 * to compare side by side, delete those the viewer saved (a Jira admin, any).
 */
export function SavedScenarios() {
  const [version, setVersion] = useState(0);
  const loaded = useResource(String(version), () => listScenarios());
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [opened, setOpened] = useState<Opened>({ state: 'none' });
  const [deleting, setDeleting] = useState<SavedScenarioSummary | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(
    () =>
      onScenarioSaved(() => {
        setVersion((previous) => previous + 1);
      }),
    [],
  );
  const open = (ids: string[]) => {
    setOpened({ state: 'opening', ids });
    void openAll(ids).then(setOpened);
  };
  const remove = async (scenario: SavedScenarioSummary) => {
    setBusy(true);
    const answer = await deleteScenario(scenario.id);
    setBusy(false);
    if (!answer.ok) {
      setDeleteError(answer.error.message);
      return;
    }
    setDeleting(null);
    setChosen((previous) => new Set([...previous].filter((id) => id !== scenario.id)));
    setOpened({ state: 'none' });
    setVersion((previous) => previous + 1);
  };
  const { resource } = loaded;

  return (
    <section className="vl-saved-scenarios" aria-labelledby="saved-scenarios-title">
      <h2 id="saved-scenarios-title">Saved scenarios</h2>
      {resource.state === 'loading' ? <p role="status">Reading the saved scenarios…</p> : null}
      {resource.state === 'failed' ? (
        <SectionMessage
          appearance="error"
          title="The saved scenarios could not be read"
          actions={<Button onClick={loaded.retry}>Try again</Button>}
        >
          <p>{resource.error.message}</p>
        </SectionMessage>
      ) : null}
      {resource.state === 'ready' && resource.data.length === 0 ? (
        <p className="vl-subtle">None yet: run a budget cut, then save it under a name.</p>
      ) : null}
      {resource.state === 'ready' && resource.data.length > 0 ? (
        <>
          <ul className="vl-saved-list">
            {resource.data.map((scenario) => (
              <li key={scenario.id} className="vl-saved-item">
                <div className="vl-checkbox">
                  <input
                    type="checkbox"
                    id={`compare-${scenario.id}`}
                    checked={chosen.has(scenario.id)}
                    onChange={(event) => {
                      const next = new Set(chosen);
                      if (event.target.checked) next.add(scenario.id);
                      else next.delete(scenario.id);
                      setChosen(next);
                    }}
                  />
                  <label htmlFor={`compare-${scenario.id}`}>
                    <strong>{scenario.name}</strong>
                    <span className="vl-visually-hidden"> (choose to compare)</span>
                  </label>
                </div>
                <p className="vl-subtle">
                  {scopeText(scenario.scope)} · {capText(scenario.cap)} · saved{' '}
                  {scenario.savedAt.slice(0, 10)}
                </p>
                <div className="vl-scenario-buttons">
                  <Button
                    spacing="compact"
                    onClick={() => {
                      open([scenario.id]);
                    }}
                  >
                    Open<span className="vl-visually-hidden"> {scenario.name}</span>
                  </Button>
                  {scenario.canDelete ? (
                    <Button
                      spacing="compact"
                      appearance="subtle"
                      destructive
                      onClick={() => {
                        setDeleteError(null);
                        setDeleting(scenario);
                      }}
                    >
                      Delete<span className="vl-visually-hidden"> {scenario.name}</span>
                    </Button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          <div className="vl-form-actions">
            <Button
              disabled={chosen.size < 2}
              onClick={() => {
                open([...chosen]);
              }}
            >
              Compare {chosen.size < 2 ? 'the chosen' : String(chosen.size)} scenarios
            </Button>
            <span className="vl-subtle">Choose two or more to compare them side by side.</span>
          </div>
        </>
      ) : null}
      <div aria-live="polite" aria-busy={opened.state === 'opening'}>
        {opened.state === 'opening' ? <p role="status">Computing the scenario from today’s epics…</p> : null}
        {opened.state === 'failed' ? (
          <SectionMessage
            appearance="error"
            title="The scenario could not be opened"
            actions={
              <Button
                onClick={() => {
                  open(opened.ids);
                }}
              >
                Try again
              </Button>
            }
          >
            <p>{opened.error.message}</p>
          </SectionMessage>
        ) : null}
        {opened.state === 'open' ? <OpenedScenarios scenarios={opened.scenarios} onReopen={open} /> : null}
      </div>
      {deleting === null ? null : (
        <Modal
          title={`Delete “${deleting.name}”?`}
          appearance="danger"
          onClose={() => {
            if (!busy) setDeleting(null);
          }}
          actions={
            <>
              <Button
                appearance="subtle"
                disabled={busy}
                onClick={() => {
                  setDeleting(null);
                }}
              >
                Cancel
              </Button>
              <Button appearance="danger" busy={busy} onClick={() => void remove(deleting)}>
                Delete
              </Button>
            </>
          }
        >
          <p>The saved scenario goes for everyone. Decisions already applied from it stay on their epics.</p>
          {deleteError === null ? null : (
            <SectionMessage appearance="error" role="alert">
              <p>{deleteError}</p>
            </SectionMessage>
          )}
        </Modal>
      )}
    </section>
  );
}

function OpenedScenarios({
  scenarios,
  onReopen,
}: {
  scenarios: OpenedScenario[];
  onReopen: (ids: string[]) => void;
}) {
  const [first] = scenarios;
  if (first === undefined) return null;
  if (scenarios.length > 1)
    return (
      <ScenarioCompare
        currency={first.view.currency}
        scenarios={scenarios.map((scenario) => ({ name: scenario.scenario.name, view: scenario.view }))}
      />
    );
  const { view, scenario } = first;
  return (
    <div className="vl-opened-scenario">
      <h3>{scenario.name}</h3>
      <p className="vl-subtle">
        Computed now from the epics you may browse ({view.epics.toLocaleString('en')} in flight), as of{' '}
        {view.asOf}
        {view.status === 'planned'
          ? `; ${formatMoney(view.currentNpv, view.currency)} of remaining NPV in the current plan`
          : ''}
        .
      </p>
      <BudgetCutResults view={view} />
      {view.status === 'planned' ? (
        <ScenarioActions
          view={view}
          name={scenario.name}
          onRerun={() => {
            onReopen([scenario.id]);
          }}
        />
      ) : null}
    </div>
  );
}
