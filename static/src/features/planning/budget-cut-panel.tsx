import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { ResolverError } from '../../../../src/contract/envelope';
import type { Scope } from '../../../../src/contract/gadget.contract';
import type { ScenarioView } from '../../../../src/contract/planning.contract';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { SectionMessage } from '../../ui/section-message';
import type { ScopeOption } from '../gadget/data/jira-scope-lists';
import {
  budgetCutRequest,
  NEW_BUDGET_CUT,
  serverErrors,
  type BudgetCutErrors,
  type BudgetCutForm,
} from './budget-cut-form';
import { BudgetCutResults } from './budget-cut-results';
import type { PlanningJobView } from '../../../../src/contract/planning-job.contract';
import type { RunScenarioRequest } from './planning-api';
import { startScenario } from './planning-job-api';
import { ScenarioActions, suggestedName } from './scenario-actions';
import { ApplyJob } from './apply-job';
import { useResumedPlanningJob } from './planning-job-progress';
import { ScenarioJob } from './scenario-job';
import { resolverErrorOf } from './thrown-error';
import { FrontierSection } from './frontier-section';

export type PinChoice = 'continue' | 'stop';

type Run =
  | { state: 'idle' }
  | { state: 'running' }
  // A job found again after a reload has no request at hand: its plan can be applied and
  // exported, not saved.
  | { state: 'done'; view: ScenarioView; request: RunScenarioRequest | null }
  | { state: 'failed'; error: ResolverError }
  | { state: 'job'; job: PlanningJobView; request: RunScenarioRequest | null };

/**
 * The budget cut (issue #16): a cap on the year's remaining spend (an amount, or a cut of X% from
 * the forecast, optionally per quarter), the pins chosen in the ranking's rows and optional
 * objective floors; the optimiser's decisions, with their why, beside the greedy ranking.
 */
export function BudgetCutPanel({
  scope,
  currency,
  pins,
  objectives,
}: {
  scope: Scope;
  currency: string;
  pins: ReadonlyMap<string, PinChoice>;
  /** The site's objectives for the floors (as the scope picker lists them, for this month). */
  objectives: (asOf: string) => Promise<ScopeOption[]>;
}) {
  const [form, setForm] = useState<BudgetCutForm>(NEW_BUDGET_CUT);
  const [errors, setErrors] = useState<BudgetCutErrors>({});
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [objectiveOptions, setObjectiveOptions] = useState<ScopeOption[]>([]);
  const runs = useRef(0);
  /** An application found again after a reload: followed here, as its scenario is not at hand. */
  const [resumedApply, setResumedApply] = useState<PlanningJobView | null>(null);
  useResumedPlanningJob((job) => {
    if (job.kind === 'apply') setResumedApply(job);
    else setRun((current) => (current.state === 'idle' ? { state: 'job', job, request: null } : current));
  });

  useEffect(() => {
    let current = true;
    objectives(new Date().toISOString().slice(0, 7)).then(
      (options) => {
        if (current) setObjectiveOptions(options);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [objectives]);

  const update = (patch: Partial<BudgetCutForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    runCut();
  };
  const runCut = () => {
    const parsed = budgetCutRequest(form, {
      scope,
      pins: [...pins].map(([key, pin]) => ({ key, pin })),
    });
    setErrors(parsed.errors ?? {});
    if (parsed.request === null) return;
    const id = (runs.current += 1);
    setRun({ state: 'running' });
    const { request } = parsed;
    startScenario(request).then(
      (answer) => {
        if (id !== runs.current) return;
        if (answer.ok)
          setRun(
            answer.data.kind === 'result'
              ? { state: 'done', view: answer.data.view, request }
              : { state: 'job', job: answer.data.job, request },
          );
        else {
          setErrors(serverErrors(answer.error.fields));
          setRun({ state: 'failed', error: answer.error });
        }
      },
      (error: unknown) => {
        if (id !== runs.current) return;
        setRun({ state: 'failed', error: resolverErrorOf(error, 'The cut could not be run.') });
      },
    );
  };
  const percent = form.capKind === 'percent-cut';
  const pinned = [...pins.values()];

  return (
    <section className="vl-budget-cut" aria-labelledby="budget-cut-title">
      <h2 id="budget-cut-title">Budget cut</h2>
      <p className="vl-subtle">
        Which epics to continue, delay by 3, 6 or 12 months, or stop so that what is still planned for the
        next 12 months fits the cap, keeping the most remaining NPV. Pin epics in the ranking below.
      </p>
      <form className="vl-budget-cut-form" onSubmit={submit} noValidate aria-label="Budget cut">
        <fieldset className="vl-budget-cut-cap">
          <legend className="vl-label">Cap on the next 12 months’ spend</legend>
          <div className="vl-radio">
            <input
              type="radio"
              id="cap-kind-percent"
              name="cap-kind"
              checked={percent}
              onChange={() => {
                update({ capKind: 'percent-cut' });
              }}
            />
            <label htmlFor="cap-kind-percent">Cut a percentage of the forecast</label>
          </div>
          <div className="vl-radio">
            <input
              type="radio"
              id="cap-kind-amount"
              name="cap-kind"
              checked={!percent}
              onChange={() => {
                update({ capKind: 'amount' });
              }}
            />
            <label htmlFor="cap-kind-amount">Spend at most an amount</label>
          </div>
          <Field
            id="cap-value"
            label={percent ? 'Cut (%)' : `Cap (${currency})`}
            error={errors.cap}
            required
            hint={
              form.perQuarter
                ? percent
                  ? 'Taken from each quarter’s forecast.'
                  : 'The most each quarter may spend.'
                : percent
                  ? 'Of what the current plan spends in the next 12 months.'
                  : 'The most the next 12 months may spend.'
            }
          >
            {(control) => (
              <input
                {...control}
                className="vl-input vl-input--number"
                inputMode="decimal"
                value={form.capValue}
                onChange={(event) => {
                  update({ capValue: event.target.value });
                }}
              />
            )}
          </Field>
          <div className="vl-checkbox">
            <input
              type="checkbox"
              id="cap-per-quarter"
              checked={form.perQuarter}
              onChange={(event) => {
                update({ perQuarter: event.target.checked });
              }}
            />
            <label htmlFor="cap-per-quarter">Per quarter</label>
          </div>
        </fieldset>
        <fieldset className="vl-budget-cut-floors">
          <legend className="vl-label">Objective floors (optional)</legend>
          {form.floors.length === 0 ? (
            <p className="vl-subtle">
              The least an objective’s epics must still spend in the next 12 months.
            </p>
          ) : null}
          {form.floors.map((floor, index) => (
            <div className="vl-budget-cut-floor" key={index}>
              <Field
                id={`floor-${index}-objective`}
                label={`Objective of floor ${index + 1}`}
                error={errors[`floors.${index}.objectiveId`]}
              >
                {(control) => (
                  <select
                    {...control}
                    className="vl-input vl-select"
                    value={floor.objectiveId}
                    onChange={(event) => {
                      update({
                        floors: form.floors.map((other, at) =>
                          at === index ? { ...other, objectiveId: event.target.value } : other,
                        ),
                      });
                    }}
                  >
                    <option value="">Choose…</option>
                    {objectiveOptions.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                id={`floor-${index}-amount`}
                label={`Floor ${index + 1} (${currency})`}
                error={errors[`floors.${index}.amount`]}
              >
                {(control) => (
                  <input
                    {...control}
                    className="vl-input vl-input--number"
                    inputMode="decimal"
                    value={floor.amount}
                    onChange={(event) => {
                      update({
                        floors: form.floors.map((other, at) =>
                          at === index ? { ...other, amount: event.target.value } : other,
                        ),
                      });
                    }}
                  />
                )}
              </Field>
              <Button
                appearance="subtle"
                spacing="compact"
                destructive
                onClick={() => {
                  update({ floors: form.floors.filter((_, at) => at !== index) });
                }}
              >
                Remove floor {index + 1}
              </Button>
            </div>
          ))}
          <Button
            spacing="compact"
            onClick={() => {
              update({ floors: [...form.floors, { objectiveId: '', amount: '' }] });
            }}
          >
            Add an objective floor
          </Button>
        </fieldset>
        <div className="vl-form-actions">
          <Button type="submit" appearance="primary" busy={run.state === 'running'}>
            Run the cut
          </Button>
          <span className="vl-subtle">
            {pinned.length === 0
              ? 'No epic pinned: the optimiser decides every one.'
              : `${pinned.filter((pin) => pin === 'continue').length} must continue, ${pinned.filter((pin) => pin === 'stop').length} must stop.`}
          </span>
        </div>
      </form>
      <div aria-live="polite" aria-busy={run.state === 'running'}>
        {resumedApply === null ? null : <ApplyJob key={resumedApply.id} job={resumedApply} />}
        {run.state === 'running' ? <p role="status">Planning the cut…</p> : null}
        {run.state === 'failed' ? (
          <SectionMessage appearance="error" title="The cut could not be run">
            <p>{run.error.message}</p>
            {run.error.fields?.length ? <p>Correct the fields marked above and run it again.</p> : null}
          </SectionMessage>
        ) : null}
        {run.state === 'job' ? (
          <ScenarioJob
            key={run.job.id}
            job={run.job}
            onResult={(view) => {
              setRun({ state: 'done', view, request: run.request });
            }}
          />
        ) : null}
        {run.state === 'done' ? <BudgetCutResults view={run.view} /> : null}
        {run.state === 'done' && run.view.status === 'planned' ? (
          <ScenarioActions
            view={run.view}
            name={
              run.request === null
                ? `Budget cut from ${run.view.asOf}`
                : suggestedName(run.request.cap, run.view)
            }
            {...(run.request === null ? {} : { request: run.request })}
            onRerun={runCut}
          />
        ) : null}
      </div>
      <FrontierSection
        scope={scope}
        pins={pins}
        form={form}
        onChoose={(cutPercent) => {
          update({ capKind: 'percent-cut', capValue: String(cutPercent) });
          document.getElementById('cap-value')?.focus();
        }}
      />
    </section>
  );
}
