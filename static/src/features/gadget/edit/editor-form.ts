import { yearMonthSchema } from '../../../../../src/contract/primitives.schema';
import type { GadgetConfig, KpiTarget } from '../config/gadget-config';
import { inheritedTarget, type AdminTargets } from '../config/effective-target';
import { hasTargets, TILE_IDS, TILES, type KpiUnit, type TileId } from '../config/kpi-tiles';

import { SCOPE_FIELD_LABELS, scopeOf, type ScopeFieldId, type ScopeForm } from './scope-form';

export { SCOPE_CHOICES, scopeOf, type ScopeForm, type ScopeKind } from './scope-form';

/**
 * A tile's target in the editor: `inherit` the admin's (else the built-in) default, the gadget's
 * `own` thresholds, or `none` (no status shown, whatever the defaults).
 */
export type TargetMode = 'inherit' | 'own' | 'none';

export interface TargetDraft {
  mode: TargetMode;
  green: string;
  amber: string;
  higherIsBetter: boolean;
}

/** The editor's fields as the user types them (strings), before validation. */
export interface EditorForm extends ScopeForm {
  title: string;
  asOfMode: 'current' | 'fixed';
  asOfMonth: string;
  tiles: TileId[];
  targets: Record<TileId, TargetDraft>;
  showRanges: boolean;
}

/** Field ids double as the keys of validation errors, so an error can point at its input. */
export type FieldId =
  'title' | ScopeFieldId | 'asOfMonth' | 'tiles' | `target-${TileId}-green` | `target-${TileId}-amber`;

export type FieldErrors = Partial<Record<FieldId, string>>;

/** Ratios are typed as percentages (90 for 0.9); every other unit as it is shown. */
const toDisplay = (unit: KpiUnit, value: number) =>
  unit === 'ratio' ? String(Math.round(value * 1e6) / 1e4) : String(value);
const fromDisplay = (unit: KpiUnit, value: number) =>
  unit === 'ratio' ? Math.round(value * 1e4) / 1e6 : value;

/** The unit a target is typed in, shown beside its inputs. */
export function targetUnitLabel(unit: KpiUnit, currency: string | null): string {
  switch (unit) {
    case 'ratio':
    case 'percent':
      return '%';
    case 'money':
      return currency ?? 'amount';
    case 'multiple':
      return '×';
    case 'score':
      return 'points';
    case 'month':
      return 'month';
    case 'count':
      return 'reviews';
  }
}

/** A target as the editor's inputs show it, in the given mode (empty inputs without a target). */
export function draftOf(id: TileId, target: KpiTarget | null | undefined, mode: TargetMode): TargetDraft {
  const unit = TILES[id].unit;
  return target
    ? {
        mode,
        green: toDisplay(unit, target.green),
        amber: toDisplay(unit, target.amber),
        higherIsBetter: target.higherIsBetter,
      }
    : { mode, green: '', amber: '', higherIsBetter: true };
}

export function formOf(config: GadgetConfig, currentMonth: string): EditorForm {
  const { scope } = config;
  const targets = Object.fromEntries(
    TILE_IDS.map((id) => {
      const target = config.targets[id];
      return [id, draftOf(id, target, target === undefined ? 'inherit' : target === null ? 'none' : 'own')];
    }),
  ) as Record<TileId, TargetDraft>;
  return {
    title: config.title,
    scopeKind: scope.kind,
    projects: scope.kind === 'projects' ? scope.projects : [],
    programmes: scope.kind === 'programmes' ? scope.programmes : [],
    programmeKeys: '',
    objectives: scope.kind === 'objectives' ? scope.objectives : [],
    jql: scope.kind === 'jql' ? scope.jql : '',
    asOfMode: config.asOf === null ? 'current' : 'fixed',
    asOfMonth: config.asOf ?? currentMonth,
    tiles: config.tiles,
    targets,
    showRanges: config.showRanges,
  };
}

function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace(/,/g, '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : Number.NaN;
}

function targetOf(id: TileId, draft: TargetDraft, errors: FieldErrors): KpiTarget | null {
  const unit = TILES[id].unit;
  const green = parseNumber(draft.green);
  const amber = parseNumber(draft.amber);
  if (green === null && amber === null) return null;
  const label = TILES[id].label;
  if (green === null || Number.isNaN(green)) {
    errors[`target-${id}-green`] = `Enter a number for ${label}’s on-target threshold, or clear both.`;
    return null;
  }
  const amberValue = amber === null ? green : amber;
  if (Number.isNaN(amberValue)) {
    errors[`target-${id}-amber`] = `Enter a number for ${label}’s at-risk threshold.`;
    return null;
  }
  if (draft.higherIsBetter ? amberValue > green : amberValue < green) {
    errors[`target-${id}-amber`] = draft.higherIsBetter
      ? `${label}’s at-risk threshold must be at or below its on-target threshold when higher is better.`
      : `${label}’s at-risk threshold must be at or above its on-target threshold when lower is better.`;
    return null;
  }
  return {
    green: fromDisplay(unit, green),
    amber: fromDisplay(unit, amberValue),
    higherIsBetter: draft.higherIsBetter,
  };
}

/** Validates the form; every problem is reported against its field, none stops at the first. */
export function configOf(form: EditorForm): { config: GadgetConfig; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = form.title.trim();
  if (title === '') errors.title = 'Give the gadget a title.';
  else if (title.length > 100) errors.title = 'Keep the title to 100 characters.';
  const scope = scopeOf(form, errors);
  if (form.asOfMode === 'fixed' && !yearMonthSchema.safeParse(form.asOfMonth).success) {
    errors.asOfMonth = 'Enter a month written YYYY-MM, e.g. 2026-06.';
  }
  if (form.tiles.length === 0) errors.tiles = 'Show at least one KPI tile.';
  const targets: GadgetConfig['targets'] = {};
  for (const id of TARGETABLE_TILE_IDS) {
    const draft = form.targets[id];
    if (draft.mode === 'none') targets[id] = null;
    if (draft.mode !== 'own') continue;
    // Own thresholds both cleared: nothing of its own, so the tile inherits again.
    const target = targetOf(id, draft, errors);
    if (target) targets[id] = target;
  }
  return {
    config: {
      title,
      scope,
      asOf: form.asOfMode === 'fixed' ? form.asOfMonth : null,
      // In catalogue order, whatever order they were ticked in.
      tiles: TILE_IDS.filter((id) => form.tiles.includes(id)),
      offeredTiles: [...TILE_IDS],
      targets,
      showRanges: form.showRanges,
    },
    errors,
  };
}

/** The tiles the editor offers a target for (a month, such as payback, has none). */
export const TARGETABLE_TILE_IDS: readonly TileId[] = TILE_IDS.filter((id) => hasTargets(TILES[id].unit));

/** The form with a tile shown or hidden. */
export function withTile(form: EditorForm, id: TileId, shown: boolean): EditorForm {
  const tiles = form.tiles.filter((tile) => tile !== id);
  return { ...form, tiles: shown ? [...tiles, id] : tiles };
}

/** The form with part of a tile's target draft changed. */
export function withTargetDraft(form: EditorForm, id: TileId, patch: Partial<TargetDraft>): EditorForm {
  return { ...form, targets: { ...form.targets, [id]: { ...form.targets[id], ...patch } } };
}

/**
 * The form with a tile's target mode changed. Choosing the gadget's own target with empty
 * thresholds starts from what the tile would otherwise use (the admin's, else the built-in).
 */
export function withTargetMode(
  form: EditorForm,
  id: TileId,
  mode: TargetMode,
  admin: AdminTargets,
): EditorForm {
  const draft = form.targets[id];
  if (mode === 'own' && draft.green.trim() === '' && draft.amber.trim() === '')
    return {
      ...form,
      targets: { ...form.targets, [id]: draftOf(id, inheritedTarget(id, admin).target, 'own') },
    };
  return withTargetDraft(form, id, { mode });
}

/** What each field is called in the error summary: a target's names its KPI. */
export function fieldLabel(field: FieldId): string {
  switch (field) {
    case 'title':
      return 'Title';
    case 'scope':
    case 'programmeKeys':
    case 'jql':
      return SCOPE_FIELD_LABELS[field];
    case 'asOfMonth':
      return 'As-of month';
    case 'tiles':
      return 'KPI tiles';
  }
  const [, id, level] = /^target-(.+)-(green|amber)$/.exec(field) ?? [];
  const tile = TILES[id as TileId];
  return `${tile.label}: ${level === 'green' ? 'on target at' : 'at risk at'}`;
}

/** The problems of a validated form, in the order the fields appear, for the error summary. */
export function problemsOf(errors: FieldErrors): { id: FieldId; label: string; message: string }[] {
  const order: FieldId[] = [
    'title',
    'asOfMonth',
    'scope',
    'programmeKeys',
    'jql',
    'tiles',
    ...TARGETABLE_TILE_IDS.flatMap((id) => [`target-${id}-green`, `target-${id}-amber`] as FieldId[]),
  ];
  return order.flatMap((id) => {
    const message = errors[id];
    return message === undefined ? [] : [{ id, label: fieldLabel(id), message }];
  });
}

/**
 * Where a failed scope check goes: Jira's own message for a bad JQL query belongs at the JQL
 * field; anything else is a save error.
 */
export function scopeCheckProblem(error: {
  message: string;
  fields?: readonly { path: string; message: string }[] | undefined;
}): { field: 'jql'; message: string } | { field: null; message: string } {
  const jql = error.fields?.find((field) => field.path === 'jql' || field.path === 'scope.jql');
  return jql
    ? { field: 'jql', message: `Jira rejected this JQL: ${jql.message}` }
    : { field: null, message: `The scope could not be checked: ${error.message}` };
}
