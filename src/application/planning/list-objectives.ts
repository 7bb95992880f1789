import type { ObjectiveChoice } from '../../contract/planning.contract';
import type { KeyValueStore } from '../ports/key-value-store';
import { SiteConfig } from '../site-config';

/**
 * The site's strategic objectives, for the planning page's scope picker: ids, names and status
 * only (what every viewer of the gadget sees too), never targets or owners.
 */
export async function listObjectives(context: { store: KeyValueStore }): Promise<ObjectiveChoice[]> {
  const objectives = await new SiteConfig(context.store).objectives();
  return objectives.map(({ id, name, status }) => ({ id, name, status }));
}
