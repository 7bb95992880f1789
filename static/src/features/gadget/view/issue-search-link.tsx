import { router } from '@forge/bridge';

/** Jira's issue search for a JQL query, as a path of the site. */
export const issueSearchPath = (jql: string) => `/issues/?jql=${encodeURIComponent(jql)}`;

/**
 * "Open in issue search": the JQL of the epics behind a figure, in Jira's own search, in a new
 * tab through the bridge's router; the href keeps copy-link and middle-click working.
 */
export function IssueSearchLink({ jql, siteUrl }: { jql: string; siteUrl: string }) {
  const href = `${siteUrl}${issueSearchPath(jql)}`;
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      className="vl-issue-search"
      onClick={(event) => {
        event.preventDefault();
        void router.open(href).catch(() => {
          window.open(href, '_blank', 'noopener');
        });
      }}
    >
      Open in issue search
      <span className="vl-visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
