/** An empty Jira store in memory, for testing a seed's `seedJira` on its own. */
import { JiraStore } from '../jira/jira-store';
import { CollectionStore } from '../persistence/collection-store';

export function createMemoryJiraStore(): JiraStore {
  return new JiraStore(CollectionStore.open(null));
}
