/**
 * What the panel's browser tests ask of the demo site directly, as a demo user and without a
 * browser: a resolver's answer, and the keys of the epics a JQL search finds.
 */
import type { Envelope } from '../../src/contract/envelope';
import type { BrowserHost } from './browser-host';

/** The epics of the checkout team's project, oldest first. */
export const CHK_EPICS_JQL = 'project = CHK AND issuetype = Epic ORDER BY key';

/** The data of a resolver's envelope; a refusal fails the test with its code and message. */
export async function unwrap<T>(answer: Promise<unknown>): Promise<T> {
  const envelope = (await answer) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

/** The keys of the first 100 epics `jql` finds, in its order, as `accountId` may browse them. */
export async function epicKeys(
  env: Pick<BrowserHost, 'site'>,
  jql: string,
  accountId: string,
): Promise<string[]> {
  const answer = await env.site.requestJira({
    accountId,
    method: 'GET',
    path: `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=summary&maxResults=100`,
  });
  return (JSON.parse(answer.body) as { issues: { key: string }[] }).issues.map((issue) => issue.key);
}

/** Clears what the demo dashboard's gadget saved, so that it shows every tile and section. */
export async function resetDemoGadget(env: Pick<BrowserHost, 'base'>, accountId: string): Promise<void> {
  const response = await fetch(
    `${env.base}/api/dashboards/10000/gadgets/10001/configuration?accountId=${accountId}`,
    {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ configuration: {} }),
    },
  );
  if (!response.ok)
    throw new Error(`the gadget's configuration could not be reset: ${String(response.status)}`);
}
