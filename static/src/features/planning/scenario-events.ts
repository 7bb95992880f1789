/** Tells the saved scenarios list that one was saved, wherever on the page it was. */
const listeners = new Set<() => void>();

export function onScenarioSaved(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function scenarioSaved(): void {
  for (const listener of listeners) listener();
}
