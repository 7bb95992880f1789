/**
 * The Content-Security-Policy header Forge serves a Custom UI resource with, built by Atlassian's
 * own @forge/csp from the app's manifest, so the local host is never kinder than Forge: no
 * `unsafe-eval` and no `unsafe-inline` unless `permissions.content` asks for them, the Forge CDN
 * and Atlassian's media hosts, inline scripts of index.html allowed by hash, and the sandbox.
 * https://developer.atlassian.com/platform/forge/custom-ui/#content-security-policy
 * https://developer.atlassian.com/platform/forge/manifest-reference/permissions/#content-permissions
 */
import { createRequire } from 'node:module';
import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import type { Permissions } from '@forge/manifest';

type CheerioLoader = ConstructorParameters<typeof CSPProcessingService>[1];

/**
 * The HTML parser @forge/csp is written against (its optional peer dependency `cheerio`), found
 * from @forge/csp itself so both agree on the version.
 */
const cheerioLoader: CheerioLoader = (
  createRequire(require.resolve('@forge/csp'))('cheerio/slim') as { load: CheerioLoader }
).load;

const processing = new CSPProcessingService({ info: () => undefined }, cheerioLoader);
const injection = new CSPInjectionService();

export interface ResourceCspInput {
  /** manifest.yml's `permissions`, as written (content and external permissions shape the policy). */
  permissions: Permissions | undefined;
  /** The resource's index.html: Forge allows each of its inline scripts by its sha256 hash. */
  indexHtml: string;
  /** The Jira site the app is installed on, e.g. `https://your-site.atlassian.net`. */
  siteUrl: string;
  /**
   * Where browsers post violation reports. Forge sends them to Atlassian's collector; the local
   * host collects its own, so a developer sees them and nothing leaves the machine.
   */
  reportUri: string;
}

/** The header value, directives as production Forge sends them, in the same order. */
export function resourceCsp(input: ResourceCspInput): string {
  const existingCSPDetails = processing.getCspDetails(input.indexHtml, input.permissions ?? {});
  return injection
    .getInjectableCSP({ existingCSPDetails, microsEnv: 'prod', hostname: input.siteUrl })
    .map((directive) => (directive.startsWith('report-uri ') ? `report-uri ${input.reportUri}` : directive))
    .join('; ');
}
