import {
  draftOf,
  isDirty,
  placeServerErrors,
  problemsOf,
  settingsOf,
} from '../../../static/src/features/admin/settings/settings-form';
import { builtInText } from '../../../static/src/features/admin/settings/kpi-targets';
import { DEFAULT_SETTINGS } from '../../../src/contract/site-config.schema';

const saved = { ...DEFAULT_SETTINGS, kpiTargets: { roi: { green: 0.2, amber: 0.05, higherIsBetter: true } } };

describe('the settings form model', () => {
  it('shows the discount rate and ratio targets in percent, and saves them back as decimals', () => {
    const draft = draftOf({ ...saved, discountRate: 0.07 });

    expect(draft.discountPercent).toBe('7');
    expect(draft.targets.roi).toEqual({ green: '20', amber: '5', higherIsBetter: true });
    expect(settingsOf(draft)).toEqual({ errors: {}, settings: { ...saved, discountRate: 0.07 } });
  });

  it('is dirty only once a field differs from what is saved', () => {
    const draft = draftOf(saved);

    expect(isDirty(draft, saved)).toBe(false);
    expect(isDirty({ ...draft, discountPercent: '9' }, saved)).toBe(true);
  });

  it('names every problem of the draft by its field, in the form’s order', () => {
    const draft = draftOf(saved);
    const { errors } = settingsOf({
      ...draft,
      discountPercent: '120',
      epicTypes: 'chosen',
      epicIssueTypeIds: [],
      targets: { ...draft.targets, npv: { green: '5', amber: '', higherIsBetter: true } },
    });

    expect(problemsOf(errors).map((problem) => [problem.id, problem.label])).toEqual([
      ['settings-discount', 'Discount rate'],
      ['epic-types-level-1', 'Epic issue types'],
      ['target-npv-green', 'NPV'],
    ]);
  });

  it('puts the server’s field errors next to their fields and lists the others', () => {
    const { placed, details } = placeServerErrors([
      { path: 'settings.epicIssueTypeIds[1]', message: '10007 is not an epic-level type' },
      { path: 'settings.kpiTargets.npv.green', message: 'must have at most 2 decimals in EUR' },
      { path: 'settings.somethingNew', message: 'is unknown' },
    ]);

    expect(placed).toEqual({
      epicIssueTypeIds: '10007 is not an epic-level type',
      'kpiTargets.npv': 'must have at most 2 decimals in EUR',
    });
    expect(details).toEqual(['settings.somethingNew: is unknown']);
  });

  it('says the built-in target of each KPI in its own unit', () => {
    expect(builtInText('realisationRate', 'EUR')).toBe('On target at 90%, at risk at 70%');
    expect(builtInText('npv', 'JPY')).toBe('On target at 0 JPY, at risk at 0 JPY');
    expect(builtInText('valueForMoney', 'EUR')).toBe('On target at 1.2×, at risk at 1×');
    expect(builtInText('npsAtCompletion', 'EUR')).toBe('On target at 30, at risk at 0');
  });
});
