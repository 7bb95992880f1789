import { useRef, useState } from 'react';
import type { ResolverError } from '../../../../src/contract/envelope';
import type { Scope } from '../../../../src/contract/gadget.contract';
import type { FrontierView } from '../../../../src/contract/planning.contract';
import { KPI_NAMES } from '../../../../src/contract/value-vocabulary';
import { Button } from '../../ui/button';
import { SectionMessage } from '../../ui/section-message';
import type { BudgetCutForm } from './budget-cut-form';
import type { PinChoice } from './budget-cut-panel';
import { FrontierChart } from './frontier-chart';
import { frontierRequest } from './frontier-request';
import { getFrontier } from './planning-api';
import { resolverErrorOf } from './thrown-error';
import './frontier.css';

type Run =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; view: FrontierView; asked: string }
  | { state: 'failed'; error: ResolverError };

function solvedWords(view: FrontierView): string {
  const proven = view.points.filter((point) => point.status === 'planned' && point.proof === 'proven').length;
  return `${String(proven)} of ${String(view.points.length)} cuts proven optimal.`;
}

/**
 * The efficient frontier (issue #16, point 5): NPV retained for cuts of 0–50% of the forecast under
 * the budget cut's pins, objective floors, links and "per quarter", computed on request (it solves
 * eleven cuts, up to about 15 s). Choosing a cut sets the budget cut's form to it.
 */
export function FrontierSection({
  scope,
  pins,
  form,
  onChoose,
}: {
  scope: Scope;
  pins: ReadonlyMap<string, PinChoice>;
  form: BudgetCutForm;
  onChoose: (cutPercent: number) => void;
}) {
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [chosen, setChosen] = useState<number | null>(null);
  const runs = useRef(0);
  const parsed = frontierRequest(form, { scope, pins: [...pins].map(([key, pin]) => ({ key, pin })) });
  const asked = JSON.stringify(parsed.request);

  const compute = () => {
    if (parsed.request === null) return;
    const id = (runs.current += 1);
    setRun({ state: 'running' });
    setChosen(null);
    getFrontier(parsed.request).then(
      (answer) => {
        if (id !== runs.current) return;
        setRun(
          answer.ok ? { state: 'done', view: answer.data, asked } : { state: 'failed', error: answer.error },
        );
      },
      (error: unknown) => {
        if (id !== runs.current) return;
        setRun({ state: 'failed', error: resolverErrorOf(error, 'The frontier could not be computed.') });
      },
    );
  };

  return (
    <section className="vl-frontier" aria-labelledby="frontier-title">
      <div className="vl-frontier-head">
        <div>
          <h3 id="frontier-title">Efficient frontier</h3>
          <p className="vl-subtle">
            {KPI_NAMES.npvRetained} for cuts of 0% to 50% of the forecast, with the pins, objective floors and
            links above{form.perQuarter ? ', each quarter cut on its own' : ''}. Solving the eleven cuts can
            take up to 15 seconds.
          </p>
        </div>
        <Button onClick={compute} busy={run.state === 'running'} disabled={parsed.request === null}>
          {run.state === 'done' ? 'Compute again' : 'Compute the frontier'}
        </Button>
      </div>
      {parsed.request === null ? (
        <p className="vl-subtle">Correct the objective floors above to compute the frontier.</p>
      ) : null}
      <div aria-live="polite" aria-busy={run.state === 'running'}>
        {run.state === 'running' ? <p role="status">Solving the cuts from 0% to 50%…</p> : null}
        {run.state === 'failed' ? (
          <SectionMessage appearance="error" title="The frontier could not be computed">
            <p>{run.error.message}</p>
          </SectionMessage>
        ) : null}
        {run.state === 'done' ? (
          <>
            <p className="vl-visually-hidden" role="status">
              {`Frontier computed. ${solvedWords(run.view)}`}
            </p>
            {run.asked !== asked ? (
              <SectionMessage appearance="information">
                <p>The pins, floors or “per quarter” have changed since: compute the frontier again.</p>
              </SectionMessage>
            ) : null}
            {run.view.warnings.length > 0 ? (
              <SectionMessage appearance="warning" title="Warnings">
                <ul>
                  {run.view.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </SectionMessage>
            ) : null}
            <FrontierChart
              points={run.view.points}
              currency={run.view.currency}
              onChoose={(cutPercent) => {
                setChosen(cutPercent);
                onChoose(cutPercent);
              }}
            />
          </>
        ) : null}
        {chosen === null ? null : (
          <p role="status" className="vl-frontier-chosen">
            {`The budget cut is set to a ${String(chosen)}% cut: run it to see its decisions.`}
          </p>
        )}
      </div>
    </section>
  );
}
