import type { Scope } from '../../../../../src/contract/gadget.contract';
import { issueKeySchema, yearMonthSchema } from '../../../../../src/contract/primitives.schema';
import type { GadgetConfig, KpiTarget } from '../config/gadget-config';
import { TILE_IDS, TILES, type KpiUnit, type TileId } from '../config/kpi-tiles';

export type ScopeKind = Scope['kind'];

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
export interface EditorForm {
  title: string;
  scopeKind: ScopeKind;
  projects: string[];
  programmes: string[];
  /** Programme keys typed by hand, comma or space separated. */
  programmeKeys: string;
  objectives: string[];
  jql: string;
  asOfMode: 'current' | 'fixed';
  asOfMonth: string;
  tiles: TileId[];
  targets: Record<TileId, TargetDraft>;
}

/** Field ids double as the keys of validation errors, so an error can point at its input. */
export type FieldId =
  | 'title'
  | 'scope'
  | 'programmeKeys'
  | 'jql'
  | 'asOfMonth'
  | 'tiles'
  | `target-${TileId}-green`
  | `target-${TileId}-amber`;

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
  };
}

function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace(/,/g, '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : Number.NaN;
}

function scopeOf(form: EditorForm, errors: FieldErrors): Scope | null {
  switch (form.scopeKind) {
    case 'all':
      return { kind: 'all' };
    case 'projects':
      if (form.projects.length === 0) errors.scope = 'Choose at least one project.';
      return { kind: 'projects', projects: form.projects };
    case 'programmes': {
      const typed = form.programmeKeys
        .split(/[\s,;]+/)
        .map((key) => key.trim().toUpperCase())
        .filter((key) => key !== '');
      const bad = typed.filter((key) => !issueKeySchema.safeParse(key).success);
      if (bad.length > 0)
        errors.programmeKeys = `${bad.join(', ')} ${bad.length === 1 ? 'is not an issue key' : 'are not issue keys'}; write keys such as PRG-12.`;
      const programmes = [...new Set([...form.programmes, ...typed])];
      if (programmes.length === 0 && bad.length === 0)
        errors.scope = 'Choose or type at least one programme.';
      if (programmes.length > 100) errors.scope = 'Choose at most 100 programmes.';
      return { kind: 'programmes', programmes };
    }
    case 'objectives':
      if (form.objectives.length === 0) errors.scope = 'Choose at least one objective.';
      return { kind: 'objectives', objectives: form.objectives };
    case 'jql': {
      const jql = form.jql.trim();
      if (jql === '')
        errors.jql = 'Write the JQL that finds the epics, e.g. project = PAY AND labels = growth.';
      else if (jql.length > 2000) errors.jql = 'Keep the JQL under 2,000 characters.';
      return { kind: 'jql', jql };
    }
  }
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
      ? 'At risk must be at or below the on-target threshold when higher is better.'
      : 'At risk must be at or above the on-target threshold when lower is better.';
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
  for (const id of TILE_IDS) {
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
      scope: scope ?? { kind: 'all' },
      asOf: form.asOfMode === 'fixed' ? form.asOfMonth : null,
      // In catalogue order, whatever order they were ticked in.
      tiles: TILE_IDS.filter((id) => form.tiles.includes(id)),
      targets,
    },
    errors,
  };
}
