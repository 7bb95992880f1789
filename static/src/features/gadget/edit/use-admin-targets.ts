import type { AdminTargets } from '../config/effective-target';
import { envelopeOf, useResource, type Resource } from '../../../shared/use-resource';

export type AdminTargetsState = Resource<AdminTargets>;

/** Loads the admin's default targets once per attempt, keeping a failure to show and retry. */
export function useAdminTargets(load: () => Promise<AdminTargets>): [AdminTargetsState, () => void] {
  const { resource, retry } = useResource('admin-targets', () => envelopeOf(load));
  return [resource, retry];
}
