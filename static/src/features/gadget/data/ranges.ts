import { GADGET } from '../../../../../src/contract/resolver-keys';
// Types only: ranges.contract.ts builds zod schemas, which the gadget bundle must not carry.
import type { RangesView } from '../../../../../src/contract/ranges.contract';
import { callResolver } from '../../../shared/resolver-client';
import { useResource, type LoadedResource } from '../../../shared/use-resource';
import type { ScopeRequest } from './gadget-api';

export function getRanges(request: ScopeRequest) {
  return callResolver<RangesView>(GADGET.getRanges, request);
}

/**
 * The risk ranges of the gadget's scope (seeded, so the same on every load), fetched again when
 * `refreshKey` changes; nothing is fetched while `enabled` is false.
 */
export function useRanges(
  request: ScopeRequest,
  refreshKey: string,
  enabled: boolean,
): LoadedResource<RangesView> | null {
  const loaded = useResource(JSON.stringify([request, refreshKey, enabled]), () =>
    enabled
      ? getRanges(request)
      : Promise.resolve({ ok: false as const, error: { code: 'BAD_REQUEST' as const, message: 'off' } }),
  );
  return enabled ? loaded : null;
}
