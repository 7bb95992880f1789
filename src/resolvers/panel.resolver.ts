import Resolver from '@forge/resolver';
import { jiraClient } from '../adapters/jira/jira-client';
import { jiraPermissions, jiraSite } from '../adapters/jira/jira-site.adapter';
import { forgeKeyValueStore } from '../adapters/storage/forge-key-value-store';
import { getEpicHistory } from '../application/epic-value/get-epic-history';
import { getEpicValue } from '../application/epic-value/get-epic-value';
import type { PanelContext } from '../application/epic-value/panel-context';
import { saveEpicValue } from '../application/epic-value/save-epic-value';
import {
  getEpicHistoryInput,
  getEpicValueInput,
  PANEL,
  saveEpicValueInput,
} from '../contract/panel.contract';
import { systemClock } from '../platform/system-clock';
import { defineResolver, type TrustedCaller } from './define-resolver';

/** Jira as the invoking user: their Browse and Edit permissions apply to every call. */
function panelContext(caller: TrustedCaller): PanelContext {
  const jira = jiraClient('user');
  return {
    accountId: caller.accountId,
    jira: jiraSite(jira),
    permissions: jiraPermissions(jira),
    store: forgeKeyValueStore,
    clock: systemClock,
  };
}

const resolver = new Resolver();

defineResolver(resolver, PANEL.getValue, getEpicValueInput, (input, caller) =>
  getEpicValue(panelContext(caller), input),
);
defineResolver(resolver, PANEL.saveValue, saveEpicValueInput, (input, caller) =>
  saveEpicValue(panelContext(caller), input),
);
defineResolver(resolver, PANEL.getHistory, getEpicHistoryInput, (input, caller) =>
  getEpicHistory(panelContext(caller), input),
);

export const panelResolver = resolver.getDefinitions();
