import type { Clock } from '../ports/clock';
import type { JiraSite } from '../ports/jira-site';
import type { KeyValueStore } from '../ports/key-value-store';
import type { Viewer } from '../rollup/viewer-projects';

/** What the gadget use cases need, wired by the gadget resolver (or a test). */
export interface GadgetContext {
  /** Jira as the viewer: only epics they may browse are found, so none leak into totals. */
  jira: JiraSite;
  store: KeyValueStore;
  clock: Clock;
  /**
   * The viewer, for the roll-up store: with it, the all and projects scopes are merged from the
   * pre-computed aggregates of the projects they may browse; without it they are read live.
   */
  viewer?: Viewer;
}
