import { jiraClient } from '../adapters/jira/jira-client';
import { jiraIssueComments, jiraSiteInfo } from '../adapters/jira/jira-comments';
import { jiraSite } from '../adapters/jira/jira-site.adapter';
import { forgeKeyValueStore } from '../adapters/storage/forge-key-value-store';
import type { ReviewNotifierContext } from '../application/reviews/notify-due-reviews';
import { systemClock } from '../platform/system-clock';

/** Benefit reviews run with no user: Jira is called as the app, which reads and comments on every epic. */
export function reviewContext(): ReviewNotifierContext {
  const app = jiraClient('app');
  return {
    jira: jiraSite(app),
    comments: jiraIssueComments(app),
    siteInfo: jiraSiteInfo(app),
    store: forgeKeyValueStore,
    clock: systemClock,
  };
}
