import { router } from '@forge/bridge';
import type { ResolverError } from '../../../../../src/contract/envelope';
import type { LiveProgress, NextStep } from '../data/use-portfolio';
import { LiveProgressBar, progressText } from './live-progress';
import { Button } from '../../../ui/button';
import { SectionMessage } from '../../../ui/section-message';

/** The admin page's module key in manifest.yml. */
const ADMIN_MODULE_KEY = 'value-admin';

/** An indeterminate progress bar with a label that says what is being waited for. */
export function LoadingMessage({ label }: { label: string }) {
  return (
    <div className="vl-loading" role="status">
      <span className="vl-loading-label">{label}</span>
      <progress className="vl-progress" aria-label={label} />
    </div>
  );
}

/**
 * The first load: progress, and skeleton tiles where the KPIs will be. A live computation shows
 * how many epics it has read; the roll-up store answers too fast to need more than a bar.
 */
export function LoadingOverview({
  jql,
  tiles,
  progress,
}: {
  jql: boolean;
  tiles: number;
  progress: LiveProgress | null;
}) {
  const label = jql
    ? 'Running your JQL in Jira and adding up the epics it finds…'
    : progress
      ? 'Reading the epics in scope and adding up their value…'
      : 'Adding up the value of the epics in scope…';
  return (
    <div className="vl-section">
      {progress ? <LiveProgressBar progress={progress} label={label} /> : <LoadingMessage label={label} />}
      <ul className="vl-tiles" aria-hidden="true">
        {Array.from({ length: Math.min(tiles, 8) }, (_, index) => (
          <li key={index} className="vl-tile vl-tile-placeholder">
            <span className="vl-placeholder-line" />
            <span className="vl-placeholder-block" />
            <span className="vl-placeholder-line vl-placeholder-short" />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What to do about a failure, by its code: the server's message says what happened. */
function adviceFor(error: ResolverError): { advice: string | null; retry: boolean } {
  const jqlRejected = error.fields?.some((field) => field.path === 'jql') ?? false;
  if (jqlRejected) return { advice: 'Edit the gadget to correct its JQL filter.', retry: false };
  switch (error.code) {
    case 'BAD_REQUEST':
      return { advice: 'Edit the gadget to check its settings.', retry: false };
    case 'TOO_LARGE':
      return { advice: 'Edit the gadget to narrow its scope.', retry: false };
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return { advice: null, retry: false };
    default:
      return { advice: null, retry: true };
  }
}

/**
 * A failed load: what happened, what to do, and a way to try again when that can help. A live
 * computation that failed part-way says how far it got; its Retry goes on from there.
 */
export function ErrorMessage({
  error,
  onRetry,
  next,
  progress = null,
  title = 'The figures could not be loaded',
}: {
  error: ResolverError;
  onRetry: () => void;
  /** What could not be loaded, naming the KPI or figure it is about. */
  title?: string;
  /** For a live computation: what its retry does (see use-portfolio.ts). */
  next?: NextStep;
  progress?: LiveProgress | null;
}) {
  const { advice: settingsAdvice, retry: retryable } = adviceFor(error);
  // A forgotten computation (expired) is not the settings' fault: starting again is the advice.
  const advice = next === 'restart' ? null : settingsAdvice;
  const retry = next === undefined ? retryable : next !== 'none';
  const partial = progress !== null && progress.processed > 0;
  const jqlField = error.fields?.find((field) => field.path === 'jql');
  return (
    <SectionMessage appearance="error">
      <p className="vl-message-title">{jqlField ? 'Jira rejected this gadget’s JQL filter' : title}</p>
      <p>{jqlField ? jqlField.message : error.message}</p>
      {error.fields && !jqlField ? (
        <ul>
          {error.fields.map((field) => (
            <li key={field.path}>
              {field.path}: {field.message}
            </li>
          ))}
        </ul>
      ) : null}
      {advice ? <p>{advice}</p> : null}
      {partial && next === 'continue' ? (
        <p>
          Stopped after {progressText(progress)}. Retry goes on from there; the epics already read are kept.
        </p>
      ) : null}
      {partial && next === 'restart' ? (
        <p>Stopped after {progressText(progress)}. The computation has to start again from the first epic.</p>
      ) : null}
      {retry ? (
        <Button onClick={onRetry}>
          {next === 'continue' ? 'Retry' : next === 'restart' && partial ? 'Start again' : 'Try again'}
        </Button>
      ) : null}
    </SectionMessage>
  );
}

/** No epic in scope: say why that can be, and where to start. */
export function EmptyScope({ siteUrl, wholeSite }: { siteUrl: string; wholeSite: boolean }) {
  return (
    <div className="vl-empty">
      <svg
        viewBox="0 0 48 48"
        width="48"
        height="48"
        aria-hidden="true"
        focusable="false"
        className="vl-empty-art"
      >
        <rect x="6" y="26" width="8" height="14" rx="2" />
        <rect x="20" y="16" width="8" height="24" rx="2" />
        <rect x="34" y="8" width="8" height="32" rx="2" />
      </svg>
      <h2 className="vl-section-heading">No epics to add up yet</h2>
      <p>
        {wholeSite
          ? 'You cannot browse any epic on this site yet, or none exists.'
          : 'This gadget’s scope finds no epic that you can browse.'}{' '}
        Value Layer adds up the benefits, costs and objectives recorded on epics: open an epic and fill in its{' '}
        <strong>Value</strong> panel, or have a Jira admin import a portfolio on the admin page.
      </p>
      <p className="vl-actions">
        <a
          className="vl-button"
          href={`${siteUrl}/issues/?jql=${encodeURIComponent('issuetype = Epic ORDER BY updated DESC')}`}
          onClick={(event) => {
            event.preventDefault();
            void router.open(event.currentTarget.href);
          }}
        >
          Find an epic
        </a>
        <Button
          appearance="subtle"
          onClick={() => {
            void router.navigate({ target: 'module', moduleKey: ADMIN_MODULE_KEY });
          }}
        >
          Open the admin page (Jira admins)
        </Button>
      </p>
      {wholeSite ? null : <p className="vl-subtle">Or edit the gadget to widen its scope.</p>}
    </div>
  );
}
