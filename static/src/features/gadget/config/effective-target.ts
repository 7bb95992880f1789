import type { PortfolioView } from '../../../../../src/contract/gadget.contract';
import { DEFAULT_TARGETS, type GadgetConfig, type KpiTarget } from './gadget-config';
import type { TileId } from './kpi-tiles';

/** The admin's default targets, as the portfolio view carries them. */
export type AdminTargets = PortfolioView['kpiTargets'];

/** Where a tile's target comes from, for the editor and the tile. */
export type TargetSource = 'gadget' | 'admin' | 'built-in' | 'none';

export const TARGET_SOURCE_LABEL: Record<TargetSource, string> = {
  gadget: 'Set for this gadget',
  admin: 'Default from admin settings',
  'built-in': 'Built-in default',
  none: 'No target',
};

const adminTargetOf = (id: TileId, admin: AdminTargets): KpiTarget | undefined =>
  (admin as Partial<Record<TileId, KpiTarget>>)[id];

/** What a tile inherits when the gadget sets nothing for it: the admin's target, else the built-in one. */
export function inheritedTarget(
  id: TileId,
  admin: AdminTargets,
): { target: KpiTarget | null; source: TargetSource } {
  const fromAdmin = adminTargetOf(id, admin);
  if (fromAdmin) return { target: fromAdmin, source: 'admin' };
  const builtIn = DEFAULT_TARGETS[id];
  return builtIn ? { target: builtIn, source: 'built-in' } : { target: null, source: 'none' };
}

/**
 * The target a tile's status is judged against: the gadget's own if its editor set one (or chose
 * none), else the admin's default, else the built-in default.
 */
export function effectiveTarget(
  id: TileId,
  own: GadgetConfig['targets'],
  admin: AdminTargets,
): { target: KpiTarget | null; source: TargetSource } {
  const chosen = own[id];
  if (chosen === null) return { target: null, source: 'gadget' };
  if (chosen !== undefined) return { target: chosen, source: 'gadget' };
  return inheritedTarget(id, admin);
}
