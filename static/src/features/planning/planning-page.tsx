import { view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import type { ResolverError } from '../../../../src/contract/envelope';
import type { Scope } from '../../../../src/contract/gadget.contract';
import type { RankingView } from '../../../../src/contract/planning.contract';
import { useResource } from '../../shared/use-resource';
import { Button } from '../../ui/button';
import { SectionMessage } from '../../ui/section-message';
import { Skeleton } from '../../ui/skeleton';
import type { ScopeErrors } from '../gadget/edit/scope-form';
import type { ScopeChoices } from '../gadget/edit/scope-section';
import { BudgetCutPanel, type PinChoice } from './budget-cut-panel';
import { getRanking, planningScopeChoices } from './planning-api';
import { RankingSummary } from './ranking-summary';
import { RankingTable, type RowPins } from './ranking-table';
import { SavedScenarios } from './saved-scenarios';
import { ScopePicker } from './scope-picker';
import './planning.css';

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** Jira's address, for links to epics (the iframe cannot navigate Jira itself). */
function useSiteUrl(): string {
  const [siteUrl, setSiteUrl] = useState('');
  useEffect(() => {
    let current = true;
    view.getContext().then(
      (context) => {
        const url = (context as { siteUrl?: unknown }).siteUrl;
        if (current && typeof url === 'string') setSiteUrl(url.replace(/\/$/, ''));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return siteUrl;
}

/** What the server refused, against the scope field it is about (Jira rejects JQL, say). */
function rejectedFields(error: ResolverError | null): ScopeErrors {
  const fields: ScopeErrors = {};
  for (const field of error?.fields ?? []) {
    if (field.path === 'jql' || field.path === 'scope.jql') fields.jql = field.message;
    else if (field.path.startsWith('scope')) fields.scope = field.message;
  }
  return fields;
}

/**
 * Value planning, for portfolio managers (issue #16): the in-flight epics of a scope ranked by
 * money, CD3 first, with the epics not worth finishing flagged. Only the epics the viewer may
 * browse are read, ranked and added up (the resolver asks Jira as them).
 */
export function PlanningPage({ choices = planningScopeChoices }: { choices?: ScopeChoices }) {
  const siteUrl = useSiteUrl();
  const [scope, setScope] = useState<Scope>({ kind: 'all' });
  const loaded = useResource(JSON.stringify(scope), () => getRanking({ scope }));
  const { resource } = loaded;
  const failed = resource.state === 'failed' ? resource.error : null;
  const [pins, setPins] = useState<ReadonlyMap<string, PinChoice>>(new Map());
  const rowPins = {
    value: pins,
    onChange: (key: string, pin: PinChoice | null) => {
      setPins((previous) => {
        const next = new Map(previous);
        if (pin === null) next.delete(key);
        else next.set(key, pin);
        return next;
      });
    },
  };

  return (
    <main className="vl-planning" aria-labelledby="page-title">
      <header className="vl-planning-header">
        <h1 id="page-title">Value planning</h1>
        <p className="vl-subtle">
          What each in-flight epic still has to give and to cost, and what waiting costs. Money spent so far
          is sunk: only what is still planned counts.
        </p>
      </header>
      <div className="vl-planning-layout">
        <ScopePicker
          choices={choices}
          asOf={thisMonth()}
          busy={resource.state === 'loading'}
          onRank={(next) => {
            if (JSON.stringify(next) === JSON.stringify(scope)) loaded.retry();
            else {
              // Pins and a cut belong to their scope: another scope starts afresh.
              setPins(new Map());
              setScope(next);
            }
          }}
          rejected={rejectedFields(failed)}
        />
        <section
          className="vl-planning-results"
          aria-labelledby="results-title"
          aria-busy={resource.state === 'loading'}
        >
          <h2 id="results-title">Ranking</h2>
          {resource.state === 'loading' ? (
            <Skeleton label="Reading the epics in scope and ranking them…" rows={6} />
          ) : resource.state === 'failed' ? (
            <RankingError error={resource.error} onRetry={loaded.retry} />
          ) : (
            <>
              {resource.data.totals.epics > 0 ? (
                <BudgetCutPanel
                  key={JSON.stringify(scope)}
                  scope={scope}
                  currency={resource.data.currency}
                  pins={pins}
                  objectives={choices.objectives}
                />
              ) : null}
              <SavedScenarios />
              <Ranking view={resource.data} siteUrl={siteUrl} pins={rowPins} />
            </>
          )}
        </section>
      </div>
    </main>
  );
}

function Ranking({ view: ranking, siteUrl, pins }: { view: RankingView; siteUrl: string; pins: RowPins }) {
  const count = ranking.totals.epics;
  return (
    <>
      <p className="vl-visually-hidden" role="status">
        {count === 1 ? 'Ranked 1 in-flight epic.' : `Ranked ${String(count)} in-flight epics.`}
      </p>
      {ranking.unreadable.length > 0 ? (
        <SectionMessage appearance="warning" title="Some epics are left out">
          <p>Their value record cannot be read; open each to see why and fix it.</p>
          <ul>
            {ranking.unreadable.map((epic) => (
              <li key={epic.key}>
                {epic.key}: {epic.reason}
              </li>
            ))}
          </ul>
        </SectionMessage>
      ) : null}
      {count === 0 ? (
        <EmptyRanking doneEpics={ranking.doneEpics} />
      ) : (
        <>
          <RankingSummary view={ranking} />
          {ranking.truncated ? (
            <SectionMessage appearance="information">
              <p>
                The first {ranking.truncated.shown.toLocaleString('en')} of{' '}
                {ranking.truncated.total.toLocaleString('en')} epics are listed; the totals cover them all.
                Narrow the scope to see the rest.
              </p>
            </SectionMessage>
          ) : null}
          <p className="vl-subtle">
            CD3 is cost of delay ÷ remaining months: fund the highest first to lose the least value to
            waiting. An epic is not worth finishing when what it can still bring, risk-adjusted, is less than
            what it still costs.
          </p>
          <RankingTable view={ranking} siteUrl={siteUrl} pins={pins} />
        </>
      )}
    </>
  );
}

function EmptyRanking({ doneEpics }: { doneEpics: number }) {
  return (
    <div className="vl-planning-empty">
      <h3>No in-flight epics to rank</h3>
      <p>
        {doneEpics > 0
          ? `The ${doneEpics === 1 ? 'epic' : `${String(doneEpics)} epics`} you can browse in this scope ${doneEpics === 1 ? 'is' : 'are'} done: nothing of ${doneEpics === 1 ? 'it' : 'them'} is left to decide.`
          : 'This scope finds no epic that you can browse.'}{' '}
        Choose another scope, or record the planned benefits and costs of epics still in progress in their{' '}
        <strong>Value</strong> panel.
      </p>
    </div>
  );
}

/** A failed ranking: what happened, and a retry when trying again can help. */
function RankingError({ error, onRetry }: { error: ResolverError; onRetry: () => void }) {
  const fixable = error.code === 'BAD_REQUEST' || error.code === 'TOO_LARGE';
  return (
    <SectionMessage
      appearance="error"
      title="The ranking could not be computed"
      actions={
        fixable || error.code === 'UNAUTHENTICATED' ? undefined : <Button onClick={onRetry}>Try again</Button>
      }
    >
      <p>{error.message}</p>
      {fixable ? <p>Change the scope above and rank again.</p> : null}
    </SectionMessage>
  );
}
