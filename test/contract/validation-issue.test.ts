import { formatIssuePath, formatIssues, toValidationIssues } from '../../src/contract';

describe(formatIssuePath.name, () => {
  it.each<[PropertyKey[], string]>([
    [
      ['epics', 2, 'value', 'benefits', 0, 'planned', 1, 'amount'],
      'epics[2].value.benefits[0].planned[1].amount',
    ],
    [['settings', 'currency'], 'settings.currency'],
    [[3, 'id'], '[3].id'],
    [['byProgramme', '(none)'], 'byProgramme["(none)"]'],
    [[], '(root)'],
  ])('writes %j as %s', (path, expected) => {
    expect(formatIssuePath(path)).toBe(expected);
  });
});

describe(toValidationIssues.name, () => {
  it('gives one issue per unknown field and sorts index numbers numerically', () => {
    const issues = toValidationIssues([
      { code: 'custom', path: ['epics', 10, 'key'], message: 'b', input: 1 },
      {
        code: 'unrecognized_keys',
        keys: ['x', 'y'],
        path: ['epics', 9],
        message: 'Unrecognized keys',
        input: {},
      },
    ]);
    expect(issues).toEqual([
      { path: 'epics[9].x', message: 'is not a known field' },
      { path: 'epics[9].y', message: 'is not a known field' },
      { path: 'epics[10].key', message: 'b' },
    ]);
  });
});

describe(formatIssues.name, () => {
  it('writes one "path: message" line per issue', () => {
    expect(
      formatIssues([
        { path: 'a', message: 'must be >= 0' },
        { path: 'b[1]', message: 'is required' },
      ]),
    ).toBe('a: must be >= 0\nb[1]: is required');
  });
});
