import { router } from '@forge/bridge';

/**
 * A Jira issue key that opens the issue in a new tab through the bridge's router (a Custom UI
 * iframe cannot navigate Jira itself); the href keeps copy-link and middle-click working.
 */
export function IssueLink({ issueKey, siteUrl }: { issueKey: string; siteUrl: string }) {
  return (
    <a
      href={`${siteUrl}/browse/${issueKey}`}
      target="_blank"
      rel="noreferrer"
      className="vl-issue-link"
      onClick={(event) => {
        event.preventDefault();
        void router.open({ target: 'issue', issueKey }).catch(() => {
          window.open(`${siteUrl}/browse/${issueKey}`, '_blank', 'noopener');
        });
      }}
    >
      {issueKey}
      <span className="vl-visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
