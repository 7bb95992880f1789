import { DEFAULT_CONFIG } from '../../../static/src/features/gadget/config/gadget-config';
import {
  configOf,
  formOf,
  problemsOf,
  scopeCheckProblem,
  TARGETABLE_TILE_IDS,
  withTargetMode,
  withTile,
} from '../../../static/src/features/gadget/edit/editor-form';

const form = () => formOf(DEFAULT_CONFIG, '2026-11');

describe('formOf and configOf', () => {
  it('round-trips the default configuration', () => {
    expect(configOf(form())).toEqual({ config: DEFAULT_CONFIG, errors: {} });
  });

  it('shows ratio targets as percentages and stores them as ratios', () => {
    const draft = formOf(
      { ...DEFAULT_CONFIG, targets: { realisationRate: { green: 0.9, amber: 0.7, higherIsBetter: true } } },
      '2026-11',
    );

    expect(draft.targets.realisationRate).toEqual({
      mode: 'own',
      green: '90',
      amber: '70',
      higherIsBetter: true,
    });

    draft.targets.roi = { mode: 'own', green: '12.5', amber: '', higherIsBetter: true };
    expect(configOf(draft).config.targets.roi).toEqual({ green: 0.125, amber: 0.125, higherIsBetter: true });
  });

  it('leaves a tile to inherit when its own thresholds are both cleared', () => {
    const draft = form();
    draft.targets.npv = { mode: 'own', green: '', amber: '', higherIsBetter: true };

    expect(configOf(draft).config.targets).not.toHaveProperty('npv');
  });

  it('stores null for a tile set to have no target, and nothing for one that inherits', () => {
    const draft = form();
    draft.targets.roi = { mode: 'none', green: '10', amber: '0', higherIsBetter: true };
    draft.targets.npv = { mode: 'inherit', green: '5', amber: '0', higherIsBetter: true };

    expect(configOf(draft).config.targets).toEqual({ roi: null });
  });

  it('reads a saved null target as "no target" and an absent one as inherited', () => {
    const draft = formOf({ ...DEFAULT_CONFIG, targets: { roi: null } }, '2026-11');

    expect(draft.targets.roi.mode).toBe('none');
    expect(draft.targets.npv.mode).toBe('inherit');
  });

  it('reports every problem against its field', () => {
    const draft = {
      ...form(),
      title: ' ',
      scopeKind: 'projects' as const,
      asOfMode: 'fixed' as const,
      asOfMonth: '26-1',
    };
    draft.tiles = [];
    draft.targets.roi = { mode: 'own', green: 'ten', amber: '', higherIsBetter: true };
    draft.targets.npv = { mode: 'own', green: '0', amber: '100', higherIsBetter: true };

    expect(configOf(draft).errors).toEqual({
      title: 'Give the gadget a title.',
      scope: 'Choose at least one project.',
      asOfMonth: 'Enter a month written YYYY-MM, e.g. 2026-06.',
      tiles: 'Show at least one KPI tile.',
      'target-roi-green': 'Enter a number for ROI to date’s on-target threshold, or clear both.',
      'target-npv-amber':
        'NPV’s at-risk threshold must be at or below its on-target threshold when higher is better.',
    });
  });

  it('merges ticked and typed programme keys, upper-cased and without repeats', () => {
    const draft = {
      ...form(),
      scopeKind: 'programmes' as const,
      programmes: ['PRG-1'],
      programmeKeys: 'prg-2, PRG-1 ',
    };

    expect(configOf(draft).config.scope).toEqual({ kind: 'programmes', programmes: ['PRG-1', 'PRG-2'] });
  });

  it('rejects typed programme keys that are not issue keys', () => {
    const draft = { ...form(), scopeKind: 'programmes' as const, programmeKeys: 'PRG-1 banana' };

    expect(configOf(draft).errors.programmeKeys).toBe(
      'BANANA is not an issue key; write keys such as PRG-12.',
    );
  });

  it('requires JQL for a JQL scope and keeps it trimmed', () => {
    expect(configOf({ ...form(), scopeKind: 'jql', jql: '  ' }).errors.jql).toMatch(/Write the JQL/);
    expect(configOf({ ...form(), scopeKind: 'jql', jql: ' labels = growth ' }).config.scope).toEqual({
      kind: 'jql',
      jql: 'labels = growth',
    });
  });

  it('keeps the tiles in catalogue order whatever order they were ticked in', () => {
    expect(configOf({ ...form(), tiles: ['npv', 'realisedBenefit'] }).config.tiles).toEqual([
      'realisedBenefit',
      'npv',
    ]);
  });
});

describe('the editor form model', () => {
  it('offers targets for every tile but the payback months, which are months', () => {
    expect(TARGETABLE_TILE_IDS).not.toContain('paybackMonth');
    expect(TARGETABLE_TILE_IDS).not.toContain('discountedPaybackMonth');
    expect(TARGETABLE_TILE_IDS).toEqual(
      expect.arrayContaining(['irr', 'mirr', 'objectivesOnTrackPct', 'npv']),
    );
  });

  it('shows and hides a tile without duplicating it', () => {
    const hidden = withTile(form(), 'irr', false);
    expect(hidden.tiles).not.toContain('irr');
    const shownTwice = withTile(withTile(hidden, 'irr', true), 'irr', true);
    expect(shownTwice.tiles.filter((id) => id === 'irr')).toHaveLength(1);
  });

  it("starts the gadget's own target from the admin's default when its thresholds are empty", () => {
    const own = withTargetMode(form(), 'roi', 'own', {
      roi: { green: 0.3, amber: 0.15, higherIsBetter: true },
    });
    expect(own.targets.roi).toEqual({ mode: 'own', green: '30', amber: '15', higherIsBetter: true });
    const back = withTargetMode(own, 'roi', 'inherit', {});
    expect(back.targets.roi).toEqual({ mode: 'inherit', green: '30', amber: '15', higherIsBetter: true });
  });

  it('lists problems in the order of the fields, each target labelled with its KPI', () => {
    expect(
      problemsOf({
        'target-irr-green': 'Enter a number.',
        title: 'Give the gadget a title.',
        jql: 'Write the JQL.',
      }),
    ).toEqual([
      { id: 'title', label: 'Title', message: 'Give the gadget a title.' },
      { id: 'jql', label: 'JQL query', message: 'Write the JQL.' },
      { id: 'target-irr-green', label: 'IRR: on target at', message: 'Enter a number.' },
    ]);
  });

  it("puts Jira's rejection of a JQL scope at the JQL field, and anything else on the save", () => {
    expect(
      scopeCheckProblem({
        message: 'Bad',
        fields: [{ path: 'scope.jql', message: "Field 'x' does not exist" }],
      }),
    ).toEqual({ field: 'jql', message: "Jira rejected this JQL: Field 'x' does not exist" });
    expect(scopeCheckProblem({ message: 'Jira is down' })).toEqual({
      field: null,
      message: 'The scope could not be checked: Jira is down',
    });
  });
});
