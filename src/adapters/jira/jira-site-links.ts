import { getAppContext, route } from '@forge/api';
import { z } from 'zod';
import type { SiteLinks, SiteLinkSource } from '../../application/analyst/agent-links';
import { JiraUnavailableError, type JiraClient } from './jira-client';

const serverInfoSchema = z.object({ baseUrl: z.string().regex(/^https?:\/\//) }).loose();

/**
 * The site's links: its base URL from Jira's server info (`baseUrl`,
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-server-info/#api-rest-api-3-serverinfo-get)
 * and the Value planning page, where Jira shows a `jira:globalPage`: `/jira/apps/{appId}/{environmentId}`
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-global-page/),
 * the ids from the invocation's app context
 * (https://developer.atlassian.com/platform/forge/runtime-reference/app-context-api/).
 */
export function jiraSiteLinks(jira: JiraClient): SiteLinkSource {
  return {
    async read(): Promise<SiteLinks> {
      const response = await jira.request(route`/rest/api/3/serverInfo`);
      const info = response.status === 200 ? serverInfoSchema.safeParse(response.body) : null;
      if (info?.success !== true) {
        throw new JiraUnavailableError(
          `Jira did not say the site's address (HTTP ${String(response.status)}).`,
          502,
        );
      }
      const siteUrl = info.data.baseUrl.replace(/\/+$/, '');
      const { appAri, environmentAri } = getAppContext();
      return {
        siteUrl,
        planningPageUrl: `${siteUrl}/jira/apps/${appAri.appId}/${environmentAri.environmentId}`,
      };
    },
  };
}
