import { z } from 'zod';
import { scopeSchema, type Scope } from '../../../../../src/contract/gadget.contract';
import { yearMonthSchema } from '../../../../../src/contract/primitives.schema';
import { BUILT_IN_KPI_TARGETS } from '../../../../../src/contract/value-vocabulary';
import { TILE_IDS, type TileId } from './kpi-tiles';

export interface KpiTarget {
  green: number;
  amber: number;
  higherIsBetter: boolean;
}

/** What the gadget saves with `view.submit` and gets back as `extension.gadgetConfiguration`. */
export interface GadgetConfig {
  title: string;
  scope: Scope;
  /** null: always the current month. */
  asOf: string | null;
  tiles: TileId[];
  /**
   * The tiles the editor offered when this configuration was saved. A tile added to the gadget
   * since then is shown (the editor never had the chance to hide it): without this, a gadget
   * saved before IRR had a tile would never show IRR until someone edited it.
   */
  offeredTiles: TileId[];
  /**
   * The editor's own targets. A tile absent here inherits (admin default, else built-in); null
   * means the editor chose no target for it. Configurations saved before targets could be
   * inherited hold every target explicitly, and keep them: a saved target is a choice.
   */
  targets: Partial<Record<TileId, KpiTarget | null>>;
  /**
   * Risk ranges (issue #17): the fan chart and the P10–P90 lines on the NPV and realised benefit
   * tiles. On unless the editor turned it off; a configuration saved before ranges shows them.
   */
  showRanges: boolean;
}

export const DEFAULT_TITLE = 'Portfolio value';

/**
 * Built-in targets, for a tile whose target neither the gadget's editor nor a Jira admin (the
 * admin settings' kpiTargets, sent with the portfolio view) has set: the vocabulary's, which the
 * admin page shows as the fallback.
 */
export const DEFAULT_TARGETS: Partial<Record<TileId, KpiTarget>> = BUILT_IN_KPI_TARGETS;

export const DEFAULT_CONFIG: GadgetConfig = {
  title: DEFAULT_TITLE,
  scope: { kind: 'all' },
  asOf: null,
  tiles: [...TILE_IDS],
  offeredTiles: [...TILE_IDS],
  targets: {},
  showRanges: true,
};

/** The tiles the first gadget offered; configurations saved then do not record what was offered. */
const FIRST_TILE_CATALOGUE: readonly TileId[] = [
  'realisedBenefit',
  'realisationRate',
  'roi',
  'expectedRoi',
  'npv',
  'valueForMoney',
  'costSavingRealised',
  'costAvoidanceRealised',
  'npsAtCompletion',
  'strategicGoalsAdvancedPct',
  'strategicAlignmentPct',
  'verifiedShare',
];

const tileIdSchema = z.enum(TILE_IDS);

/** Amber must not be better than green, whichever way is better. */
export const targetSchema = z
  .strictObject({ green: z.number(), amber: z.number(), higherIsBetter: z.boolean() })
  .refine((t) => (t.higherIsBetter ? t.amber <= t.green : t.amber >= t.green), {
    error: 'the “at risk at” threshold must not be better than the “on target at” one',
  });

const fieldSchemas = {
  title: z.string().trim().min(1).max(100),
  scope: scopeSchema,
  asOf: yearMonthSchema.nullable(),
  tiles: z.array(tileIdSchema).max(TILE_IDS.length * 2),
  // A tile id this version does not know (saved by a newer one) is no reason to forget the rest.
  offeredTiles: z.array(z.string()).max(100),
  targets: z.record(z.string(), z.unknown()),
  showRanges: z.boolean(),
} as const;

/** Field labels for the notice that says which saved settings could not be used. */
const FIELD_NAMES: Record<keyof typeof fieldSchemas, string> = {
  title: 'title',
  scope: 'scope',
  asOf: 'as-of month',
  tiles: 'KPI tiles',
  offeredTiles: 'KPI tiles offered',
  targets: 'targets',
  showRanges: 'risk ranges',
};

export interface ParsedConfig {
  config: GadgetConfig;
  /** Saved settings that could not be read and were replaced by defaults, for an honest notice. */
  ignored: string[];
}

/**
 * The stored configuration comes from Jira and may be anything (an older version, a hand-edited
 * dashboard item property, `{}` for a new gadget). Each field is read on its own, so one bad
 * field falls back to its default without losing the others; absent fields are just defaults.
 */
export function parseGadgetConfig(raw: unknown): ParsedConfig {
  const source = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  const ignored: string[] = [];
  function field<K extends keyof typeof fieldSchemas>(
    key: K,
  ): z.output<(typeof fieldSchemas)[K]> | undefined {
    if (!Object.hasOwn(source, key)) return undefined;
    const parsed = fieldSchemas[key].safeParse((source as Record<string, unknown>)[key]);
    if (parsed.success) return parsed.data as z.output<(typeof fieldSchemas)[K]>;
    ignored.push(FIELD_NAMES[key]);
    return undefined;
  }
  const title = field('title');
  const scope = field('scope');
  const asOf = field('asOf');
  const savedTiles = field('tiles');
  const offered = new Set<string>(field('offeredTiles') ?? FIRST_TILE_CATALOGUE);
  const tiles = savedTiles
    ? [...new Set([...savedTiles, ...TILE_IDS.filter((id) => !offered.has(id))])]
    : DEFAULT_CONFIG.tiles;
  const showRanges = field('showRanges');
  const rawTargets = field('targets');
  const targets: GadgetConfig['targets'] = {};
  let badTarget = false;
  for (const [key, value] of Object.entries(rawTargets ?? {})) {
    const id = tileIdSchema.safeParse(key);
    const target = value === null ? ({ success: true, data: null } as const) : targetSchema.safeParse(value);
    if (id.success && target.success) targets[id.data] = target.data;
    else badTarget = true;
  }
  if (badTarget) ignored.push('some targets');
  return {
    config: {
      title: title ?? DEFAULT_CONFIG.title,
      scope: scope ?? DEFAULT_CONFIG.scope,
      asOf: asOf === undefined ? DEFAULT_CONFIG.asOf : asOf,
      tiles,
      offeredTiles: [...TILE_IDS],
      targets,
      showRanges: showRanges ?? DEFAULT_CONFIG.showRanges,
    },
    ignored,
  };
}

/** The month the gadget reports as of: the saved one, or the current month (local time). */
export function effectiveAsOf(config: GadgetConfig, now: Date = new Date()): string {
  return config.asOf ?? currentMonth(now);
}

export function currentMonth(now: Date): string {
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** A short description of the scope for the gadget's header. */
export function describeScope(scope: Scope): string {
  switch (scope.kind) {
    case 'all':
      return 'All projects';
    case 'projects':
      return `${scope.projects.length === 1 ? 'Project' : 'Projects'} ${scope.projects.join(', ')}`;
    case 'programmes':
      return `${scope.programmes.length === 1 ? 'Programme' : 'Programmes'} ${scope.programmes.join(', ')}`;
    case 'objectives':
      return `${scope.objectives.length === 1 ? 'Objective' : 'Objectives'} ${scope.objectives.join(', ')}`;
    case 'jql':
      return `JQL: ${scope.jql}`;
  }
}
