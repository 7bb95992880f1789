import { DEFAULT_CONFIG } from '../../../static/src/features/gadget/config/gadget-config';
import { configOf, formOf } from '../../../static/src/features/gadget/edit/editor-form';

const form = () => formOf(DEFAULT_CONFIG, '2026-11');

describe('formOf and configOf', () => {
  it('round-trips the default configuration', () => {
    expect(configOf(form())).toEqual({ config: DEFAULT_CONFIG, errors: {} });
  });

  it('shows ratio targets as percentages and stores them as ratios', () => {
    const draft = form();

    expect(draft.targets.realisationRate).toEqual({ green: '90', amber: '70', higherIsBetter: true });

    draft.targets.roi = { green: '12.5', amber: '', higherIsBetter: true };
    expect(configOf(draft).config.targets.roi).toEqual({ green: 0.125, amber: 0.125, higherIsBetter: true });
  });

  it('stores no target for a KPI whose thresholds are both cleared', () => {
    const draft = form();
    draft.targets.npv = { green: '', amber: '', higherIsBetter: true };

    expect(configOf(draft).config.targets.npv).toBeUndefined();
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
    draft.targets.roi = { green: 'ten', amber: '', higherIsBetter: true };
    draft.targets.npv = { green: '0', amber: '100', higherIsBetter: true };

    expect(configOf(draft).errors).toEqual({
      title: 'Give the gadget a title.',
      scope: 'Choose at least one project.',
      asOfMonth: 'Enter a month written YYYY-MM, e.g. 2026-06.',
      tiles: 'Show at least one KPI tile.',
      'target-roi-green': 'Enter a number for ROI to date’s on-target threshold, or clear both.',
      'target-npv-amber': 'At risk must be at or below the on-target threshold when higher is better.',
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
