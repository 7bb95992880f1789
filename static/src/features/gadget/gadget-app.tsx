import { events, view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import { parseGadgetConfig, type ParsedConfig } from './config/gadget-config';
import { jiraScopeOptions, type ScopeOptionSource } from './data/jira-options';
import { GadgetEditor } from './edit/gadget-editor';
import { PortfolioGadget } from './view/portfolio-gadget';
import './gadget.css';
import { SectionMessage } from '../../ui/section-message';

interface GadgetContext {
  editing: boolean;
  parsed: ParsedConfig;
  siteUrl: string;
}

type ContextState =
  { state: 'loading' } | { state: 'ready'; context: GadgetContext } | { state: 'failed'; message: string };

/** Jira's event when the dashboard's (or this gadget's) Refresh is pressed. */
const REFRESH_EVENT = 'JIRA_DASHBOARD_GADGET_REFRESH';

function contextOf(raw: unknown): GadgetContext {
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const context = record(raw);
  const extension = record(context['extension']);
  const siteUrl = typeof context['siteUrl'] === 'string' ? context['siteUrl'].replace(/\/$/, '') : '';
  return {
    editing: extension['entryPoint'] === 'edit',
    parsed: parseGadgetConfig(extension['gadgetConfiguration']),
    siteUrl,
  };
}

/** The gadget module: edit mode when Jira opens the edit entry point, else the portfolio view. */
export function GadgetApp({
  options = jiraScopeOptions,
  now = () => new Date(),
}: {
  options?: ScopeOptionSource;
  now?: () => Date;
}) {
  const [context, setContext] = useState<ContextState>({ state: 'loading' });
  const [refreshCount, setRefreshCount] = useState(0);
  useEffect(() => {
    let current = true;
    view.getContext().then(
      (raw) => {
        if (current) setContext({ state: 'ready', context: contextOf(raw) });
      },
      (error: unknown) => {
        if (current)
          setContext({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, []);
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let current = true;
    events
      .on(REFRESH_EVENT, () => {
        setRefreshCount((n) => n + 1);
      })
      .then(
        (subscription) => {
          if (current)
            unsubscribe = () => {
              subscription.unsubscribe();
            };
          else subscription.unsubscribe();
        },
        // Without refresh events the gadget still works; reloading the page refreshes it.
        () => undefined,
      );
    return () => {
      current = false;
      unsubscribe?.();
    };
  }, []);

  if (context.state === 'loading') {
    return (
      <main className="vl-gadget" aria-busy="true">
        <progress className="vl-progress" aria-label="Starting the gadget" />
      </main>
    );
  }
  if (context.state === 'failed') {
    return (
      <main className="vl-gadget">
        <SectionMessage appearance="error">
          <p className="vl-message-title">The gadget could not start</p>
          <p>Jira did not give it its context ({context.message}). Reload the dashboard to try again.</p>
        </SectionMessage>
      </main>
    );
  }
  const { editing, parsed, siteUrl } = context.context;
  if (editing) {
    return (
      <GadgetEditor
        initial={parsed.config}
        ignored={parsed.ignored}
        options={options}
        now={now()}
        onSubmit={(config) => view.submit(config)}
        onCancel={() => {
          void view.close();
        }}
      />
    );
  }
  return (
    <PortfolioGadget
      config={parsed.config}
      ignored={parsed.ignored}
      siteUrl={siteUrl}
      refreshCount={refreshCount}
      now={now()}
    />
  );
}
