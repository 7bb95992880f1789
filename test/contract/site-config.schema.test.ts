import { fieldErrorsOf } from '../../src/resolvers/define-resolver';
import { objectiveInput, saveSettingsInput } from '../../src/contract/admin.contract';
import { appSettingsSchema, DEFAULT_SETTINGS } from '../../src/contract/site-config.schema';

function anObjective(overrides: Record<string, unknown> = {}) {
  return { id: 'OBJ-GROW', name: 'Grow revenue', status: 'active', weight: 5, ...overrides };
}

function objectiveErrors(overrides: Record<string, unknown>) {
  const parsed = objectiveInput.safeParse({ objective: anObjective(overrides) });
  return parsed.success ? [] : fieldErrorsOf(parsed.error);
}

function settingsErrors(overrides: Record<string, unknown>) {
  const parsed = saveSettingsInput.safeParse({ settings: { ...DEFAULT_SETTINGS, ...overrides } });
  return parsed.success ? [] : fieldErrorsOf(parsed.error);
}

const aTarget = { measure: 'Revenue', amount: 1000, date: '2027-12-31' };

describe('objectiveInput', () => {
  it.each([
    ['5b10a2844c20165700ede21g'],
    ['557058:f58131cb-b67d-43c7-b30d-6b58d40bd077'],
    ['712020:0d7a5c3e-app0-4f1b-9e2d-value0layer01'],
  ])('accepts the Atlassian account id %s as owner', (ownerAccountId) => {
    expect(objectiveErrors({ ownerAccountId })).toEqual([]);
  });

  it.each([['x/y'], ['owner@example.com'], [' 5b10a2844c20165700ede21g'], [''], ['a'.repeat(129)], ['é']])(
    'refuses the owner %j, naming objective.ownerAccountId',
    (ownerAccountId) => {
      expect(objectiveErrors({ ownerAccountId })).toEqual([
        {
          path: 'objective.ownerAccountId',
          message: expect.stringMatching(/Atlassian account id/) as unknown,
        },
      ]);
    },
  );

  it.each([['2026-13-45'], ['2026-02-30'], ['2027-04-31'], ['2026-00-10'], ['1899-12-31'], ['2026-1-5']])(
    'refuses the target date %s, naming objective.target.date',
    (date) => {
      expect(objectiveErrors({ target: { ...aTarget, date } })).toEqual([
        { path: 'objective.target.date', message: expect.stringMatching(/real calendar date/) as unknown },
      ]);
    },
  );

  it.each([['2028-02-29'], ['2000-02-29'], ['2026-12-31'], ['1900-01-01']])(
    'accepts the target date %s',
    (date) => {
      expect(objectiveErrors({ target: { ...aTarget, date } })).toEqual([]);
    },
  );

  it.each([
    [1000.125, /at most 2 decimals/],
    [1_000_000_000_001, /<= 1000000000000/],
    [-1, />= 0/],
  ])('refuses the target amount %d, naming objective.target.amount', (amount, message) => {
    expect(objectiveErrors({ target: { ...aTarget, amount } })).toEqual([
      { path: 'objective.target.amount', message: expect.stringMatching(message) as unknown },
    ]);
  });
});

describe('saveSettingsInput', () => {
  it('accepts thresholds in the order of their direction, equal ones included', () => {
    expect(
      settingsErrors({
        kpiTargets: {
          roi: { green: 0.2, amber: 0.1, higherIsBetter: true },
          npsAtCompletion: { green: 30, amber: 30, higherIsBetter: true },
          verifiedShare: { green: 0.1, amber: 0.3, higherIsBetter: false },
        },
      }),
    ).toEqual([]);
  });

  it('refuses green below amber when higher is better, saying which must be above which', () => {
    expect(settingsErrors({ kpiTargets: { roi: { green: 0.1, amber: 0.2, higherIsBetter: true } } })).toEqual(
      [
        {
          path: 'settings.kpiTargets.roi.green',
          message: 'must be at or above amber (0.2) when higher is better',
        },
      ],
    );
  });

  it('refuses green above amber when lower is better, saying which must be below which', () => {
    expect(
      settingsErrors({ kpiTargets: { roi: { green: 0.3, amber: 0.2, higherIsBetter: false } } }),
    ).toEqual([
      {
        path: 'settings.kpiTargets.roi.green',
        message: 'must be at or below amber (0.2) when lower is better',
      },
    ]);
  });

  it('refuses money thresholds with more decimals than the site currency or beyond the amount bound', () => {
    expect(
      settingsErrors({
        currency: 'JPY',
        kpiTargets: { npv: { green: 1000.5, amber: -2_000_000_000_000, higherIsBetter: true } },
      }),
    ).toEqual([
      {
        path: 'settings.kpiTargets.npv.amber',
        message: 'must be between -1000000000000 and 1000000000000',
      },
      { path: 'settings.kpiTargets.npv.green', message: 'must be a whole number: JPY has no minor unit' },
    ]);
  });

  it('refuses an epic issue type listed twice, naming its place', () => {
    expect(settingsErrors({ epicIssueTypeIds: ['10001', '10001'] })).toEqual([
      { path: 'settings.epicIssueTypeIds[1]', message: '10001 is already listed' },
    ]);
  });

  it('refuses an empty list of epic issue types, saying null counts every epic-level type', () => {
    expect(settingsErrors({ epicIssueTypeIds: [] })).toEqual([
      {
        path: 'settings.epicIssueTypeIds',
        message: 'must list at least one epic-level issue type, or be null to count every epic-level type',
      },
    ]);
  });

  it('refuses review offsets out of order or repeated, naming the offset', () => {
    expect(settingsErrors({ reviewOffsetsMonths: [3, 3, 12] })).toEqual([
      {
        path: 'settings.reviewOffsetsMonths[1]',
        message: 'must be later than the review before it (3 months)',
      },
    ]);
    expect(settingsErrors({ reviewOffsetsMonths: [0] }).map((error) => error.path)).toEqual([
      'settings.reviewOffsetsMonths[0]',
    ]);
    expect(settingsErrors({ reviewOffsetsMonths: [1, 24, 120] })).toEqual([]);
  });

  it('reads settings stored before groups and reviews existed with no groups and reviews at 3, 6 and 12 months', () => {
    const { verifierGroupId, approverGroupId, reviewOffsetsMonths, ...older } = DEFAULT_SETTINGS;
    const parsed = appSettingsSchema.parse(older);
    expect([verifierGroupId, approverGroupId, reviewOffsetsMonths]).toEqual([null, null, [3, 6, 12]]);
    expect(parsed).toEqual(DEFAULT_SETTINGS);
  });
});
