/** Jira issue events (created, updated, deleted); the roll-up store keeps its aggregates fresh here. */
export function onIssueEvent(_event: unknown): Promise<void> {
  // Filled in by the roll-up store issue.
  return Promise.resolve();
}
