import type { AgentLink } from '../../contract/agent.contract';

/**
 * Where the agent's links point: the Jira site, and the app's own pages on it. The Portfolio
 * value gadget lives on dashboards the users build, so the agent links to their dashboards.
 */
export interface SiteLinks {
  /** The site's base URL, e.g. `https://acme.atlassian.net`, without a trailing slash. */
  siteUrl: string;
  /** The Value planning page: `/jira/apps/{appId}/{environmentId}` on the site. */
  planningPageUrl: string;
}

/** Reads the site's links once per action (a port: Jira's server info and the app's identity). */
export interface SiteLinkSource {
  read(): Promise<SiteLinks>;
}

export function epicLink(links: SiteLinks, key: string, summary?: string): AgentLink {
  return {
    title: summary === undefined || summary === '' ? key : `${key} ${summary}`,
    url: `${links.siteUrl}/browse/${encodeURIComponent(key)}`,
  };
}

export function planningPageLink(links: SiteLinks): AgentLink {
  return { title: 'Value planning', url: links.planningPageUrl };
}

export function dashboardsLink(links: SiteLinks): AgentLink {
  return { title: 'Dashboards (Portfolio value gadget)', url: `${links.siteUrl}/jira/dashboards` };
}
