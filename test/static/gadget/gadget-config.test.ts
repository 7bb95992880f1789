import { TILE_IDS } from '../../../static/src/features/gadget/config/kpi-tiles';
import {
  DEFAULT_CONFIG,
  describeScope,
  effectiveAsOf,
  parseGadgetConfig,
} from '../../../static/src/features/gadget/config/gadget-config';

describe('parseGadgetConfig', () => {
  it('returns the defaults, with nothing ignored, for a new gadget’s empty configuration', () => {
    expect(parseGadgetConfig({})).toEqual({ config: DEFAULT_CONFIG, ignored: [] });
  });

  it('returns the defaults when the stored configuration is not an object at all', () => {
    expect(parseGadgetConfig('nonsense').config).toEqual(DEFAULT_CONFIG);
    expect(parseGadgetConfig(null).config).toEqual(DEFAULT_CONFIG);
  });

  it('keeps every valid field of a saved configuration', () => {
    const saved = {
      title: 'Payments value',
      scope: { kind: 'projects', projects: ['PAY', 'CHK'] },
      asOf: '2026-06',
      tiles: ['roi', 'npv'],
      offeredTiles: [...TILE_IDS],
      targets: { roi: { green: 0.2, amber: 0.05, higherIsBetter: true } },
      showRanges: false,
    };

    expect(parseGadgetConfig(saved)).toEqual({ config: saved, ignored: [] });
  });

  it('shows risk ranges for a configuration saved before they existed, and names a bad value', () => {
    expect(parseGadgetConfig({ title: 'Old' }).config.showRanges).toBe(true);
    expect(parseGadgetConfig({ showRanges: 'yes' })).toMatchObject({
      config: { showRanges: true },
      ignored: ['risk ranges'],
    });
  });

  it('keeps a saved null target as the editor’s choice of no target', () => {
    expect(parseGadgetConfig({ targets: { roi: null } })).toEqual({
      config: { ...DEFAULT_CONFIG, targets: { roi: null } },
      ignored: [],
    });
  });

  it('sets no target of its own for a tile when nothing is saved, so the tile inherits one', () => {
    expect(parseGadgetConfig({ tiles: ['roi'] }).config.targets).toEqual({});
  });

  it('falls back field by field and names the fields it could not read', () => {
    const { config, ignored } = parseGadgetConfig({
      title: 'Kept',
      scope: { kind: 'projects', projects: ['not a key'] },
      asOf: '2026-13',
      tiles: ['roi', 'no-such-tile'],
    });

    expect(config.title).toBe('Kept');
    expect(config.scope).toEqual({ kind: 'all' });
    expect(config.asOf).toBeNull();
    expect(config.tiles).toEqual(DEFAULT_CONFIG.tiles);
    expect(ignored).toEqual(['scope', 'as-of month', 'KPI tiles']);
  });

  it('drops only the targets that are invalid, such as amber better than green', () => {
    const { config, ignored } = parseGadgetConfig({
      targets: {
        roi: { green: 0.1, amber: 0.3, higherIsBetter: true },
        npv: { green: 0, amber: -1000, higherIsBetter: true },
        unknown: { green: 1, amber: 0, higherIsBetter: true },
      },
    });

    expect(config.targets).toEqual({ npv: { green: 0, amber: -1000, higherIsBetter: true } });
    expect(ignored).toEqual(['some targets']);
  });

  it('removes repeated tiles', () => {
    expect(parseGadgetConfig({ tiles: ['roi', 'roi', 'npv'], offeredTiles: TILE_IDS }).config.tiles).toEqual([
      'roi',
      'npv',
    ]);
  });

  it('shows the tiles added since a configuration of the first gadget was saved, keeping its choices', () => {
    const { config, ignored } = parseGadgetConfig({ tiles: ['roi', 'npv'] });

    expect(config.tiles).toEqual([
      'roi',
      'npv',
      'disBenefitRealised',
      'baselineRealisationRate',
      'forecastDrift',
      'irr',
      'mirr',
      'paybackMonth',
      'discountedPaybackMonth',
      'objectivesOnTrackPct',
      'benefitReviews',
    ]);
    expect(ignored).toEqual([]);
  });

  it('shows the dis-benefit and baseline tiles on a gadget saved before they existed, and keeps its choices', () => {
    // What the editor offered from the benefit reviews tile until the issue #15 KPI tiles: literal
    // on purpose, as such a configuration holds it.
    const offeredTiles = [
      'realisedBenefit',
      'realisationRate',
      'roi',
      'expectedRoi',
      'npv',
      'irr',
      'mirr',
      'paybackMonth',
      'discountedPaybackMonth',
      'valueForMoney',
      'costSavingRealised',
      'costAvoidanceRealised',
      'npsAtCompletion',
      'strategicGoalsAdvancedPct',
      'objectivesOnTrackPct',
      'strategicAlignmentPct',
      'verifiedShare',
      'benefitReviews',
    ];

    const { config, ignored } = parseGadgetConfig({ tiles: ['npv', 'realisedBenefit'], offeredTiles });

    expect(config.tiles).toEqual([
      'npv',
      'realisedBenefit',
      'disBenefitRealised',
      'baselineRealisationRate',
      'forecastDrift',
    ]);
    expect(config.offeredTiles).toEqual(TILE_IDS);
    expect(ignored).toEqual([]);
  });

  it('keeps a tile hidden when the editor offered it and it was not ticked', () => {
    const offeredTiles = TILE_IDS.filter((id) => id !== 'mirr');

    expect(parseGadgetConfig({ tiles: ['roi', 'irr'], offeredTiles }).config.tiles).toEqual([
      'roi',
      'irr',
      'mirr',
    ]);
  });

  it('reads the offered tiles of a newer version without forgetting the tiles it knows', () => {
    const { config } = parseGadgetConfig({ tiles: ['npv'], offeredTiles: [...TILE_IDS, 'someFutureKpi'] });

    expect(config.tiles).toEqual(['npv']);
  });
});

describe('effectiveAsOf', () => {
  it('is the current month when the gadget follows the current month', () => {
    expect(effectiveAsOf(DEFAULT_CONFIG, new Date(2026, 10, 23))).toBe('2026-11');
  });

  it('is the saved month when one is fixed', () => {
    expect(effectiveAsOf({ ...DEFAULT_CONFIG, asOf: '2025-12' }, new Date(2026, 10, 23))).toBe('2025-12');
  });
});

describe('describeScope', () => {
  it('names each kind of scope for the header', () => {
    expect(describeScope({ kind: 'all' })).toBe('All projects');
    expect(describeScope({ kind: 'projects', projects: ['PAY', 'CHK'] })).toBe('Projects PAY, CHK');
    expect(describeScope({ kind: 'programmes', programmes: ['PRG-1'] })).toBe('Programme PRG-1');
    expect(describeScope({ kind: 'jql', jql: 'labels = growth' })).toBe('JQL: labels = growth');
  });
});
