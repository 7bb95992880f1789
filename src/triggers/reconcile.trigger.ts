/** Scheduled reconcile of the roll-up aggregates, fanned out in bounded steps. */
export function startReconcile(): Promise<{ statusCode: number }> {
  return Promise.resolve({ statusCode: 204 });
}

export function reconcileStep(_event: unknown): Promise<void> {
  // Filled in by the roll-up store issue.
  return Promise.resolve();
}
