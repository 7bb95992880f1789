import { parsePortfolioV1, type ValidationIssue } from '../../src/contract';
import { workedExampleDocument } from '../fixtures/worked-example';

type Json = Record<string, unknown>;

/** The worked example with `change` applied to a deep copy. */
function documentWith(change: (document: Json & { epics: Json[] }) => void): unknown {
  const document = structuredClone(workedExampleDocument()) as Json & { epics: Json[] };
  change(document);
  return document;
}

function valueOf(epic: Json | undefined): Json {
  return (epic?.['value'] ?? {}) as Json;
}

function benefitsOf(epic: Json | undefined): Json[] {
  return valueOf(epic)['benefits'] as Json[];
}

function issuesOf(input: unknown): readonly ValidationIssue[] {
  const result = parsePortfolioV1(input);
  return result.success ? [] : result.issues;
}

describe(parsePortfolioV1.name, () => {
  it('accepts the worked example and returns it unchanged', () => {
    const result = parsePortfolioV1(workedExampleDocument());
    expect(result).toEqual({ success: true, data: workedExampleDocument() });
  });

  it('fills in defaults: probability 1, no objectives, no benefits, no costs, no survey', () => {
    const result = parsePortfolioV1(
      documentWith((document) => {
        document.epics = [
          { key: 'PAY-9', summary: 'New', project: 'PAY', programme: null, status: 'todo', value: {} },
        ];
      }),
    );
    expect(result.success && result.data.epics[0]?.value).toEqual({
      successProbability: 1,
      objectives: [],
      benefits: [],
      costs: { planned: [], actual: [] },
      nps: null,
    });
  });

  it.each<[string, (document: Json & { epics: Json[] }) => void, ValidationIssue[]]>([
    [
      'an unknown benefit kind',
      (d) => Object.assign(benefitsOf(d.epics[0])[0] ?? {}, { kind: 'profit' }),
      [
        {
          path: 'epics[0].value.benefits[0].kind',
          message:
            'must be one of "revenue", "cost_saving", "cost_avoidance", "risk_reduction", "customer", "strategic", "dis_benefit"',
        },
      ],
    ],
    [
      'a negative amount',
      (d) => Object.assign((benefitsOf(d.epics[0])[0]?.['planned'] as Json[])[1] ?? {}, { amount: -5 }),
      [{ path: 'epics[0].value.benefits[0].planned[1].amount', message: 'must be >= 0' }],
    ],
    [
      'an amount with 3 decimals',
      (d) => Object.assign((benefitsOf(d.epics[1])[0]?.['realised'] as Json[])[0] ?? {}, { amount: 300.125 }),
      [{ path: 'epics[1].value.benefits[0].realised[0].amount', message: 'must have at most 2 decimals' }],
    ],
    [
      'a month that is not YYYY-MM',
      (d) =>
        Object.assign((valueOf(d.epics[0])['costs'] as { actual: Json[] }).actual[0] ?? {}, {
          month: '2026-1',
        }),
      [
        {
          path: 'epics[0].value.costs.actual[0].month',
          message: 'must be a month written YYYY-MM, between 1900-01 and 2199-12',
        },
      ],
    ],
    [
      'objective shares over 1',
      (d) =>
        (valueOf(d.epics[0])['objectives'] = [
          { id: 'OBJ-1', share: 0.6 },
          { id: 'OBJ-3', share: 0.5 },
        ]),
      [{ path: 'epics[0].value.objectives', message: 'shares sum to 1.1, must be at most 1' }],
    ],
    [
      'a probability above 1',
      (d) => (valueOf(d.epics[1])['successProbability'] = 1.2),
      [{ path: 'epics[1].value.successProbability', message: 'must be <= 1' }],
    ],
    [
      'a probability below 0',
      (d) => (valueOf(d.epics[1])['successProbability'] = -0.1),
      [{ path: 'epics[1].value.successProbability', message: 'must be >= 0' }],
    ],
    [
      'a duplicate epic key',
      (d) => (d.epics[1] = { ...d.epics[1], key: 'PAY-1' }),
      [{ path: 'epics[1].key', message: 'duplicate epic key "PAY-1", already at index 0' }],
    ],
    [
      'an unknown objective id',
      (d) => (valueOf(d.epics[1])['objectives'] = [{ id: 'OBJ-9', share: 1 }]),
      [{ path: 'epics[1].value.objectives[0].id', message: 'unknown objective "OBJ-9"' }],
    ],
    [
      'a duplicate objective id',
      (d) => ((d['objectives'] as Json[])[2] = { id: 'OBJ-1', name: 'Again', status: 'active', weight: 1 }),
      [{ path: 'objectives[2].id', message: 'duplicate objective id "OBJ-1", already at index 0' }],
    ],
    [
      'an unknown field',
      (d) => (valueOf(d.epics[0])['realized'] = []),
      [{ path: 'epics[0].value.realized', message: 'is not a known field' }],
    ],
    [
      'a missing field',
      (d) => delete d.epics[0]?.['status'],
      [{ path: 'epics[0].status', message: 'is required' }],
    ],
    [
      'an unknown currency',
      (d) => (d['settings'] = { currency: 'EURO', discountRate: 0.08 }),
      [{ path: 'settings.currency', message: 'must be an ISO 4217 currency code such as EUR' }],
    ],
    [
      'a discount rate in percent',
      (d) => (d['settings'] = { currency: 'EUR', discountRate: 8 }),
      [{ path: 'settings.discountRate', message: 'must be <= 1' }],
    ],
    [
      'the same month twice in one series',
      (d) =>
        (valueOf(d.epics[1])['costs'] = {
          planned: [
            { month: '2026-02', amount: 1 },
            { month: '2026-02', amount: 2 },
          ],
        }),
      [
        {
          path: 'epics[1].value.costs.planned[1].month',
          message: 'duplicate month "2026-02", already at index 0',
        },
      ],
    ],
    [
      'a fractional survey count',
      (d) => (valueOf(d.epics[0])['nps'] = { promoters: 1.5, passives: 0, detractors: 0 }),
      [{ path: 'epics[0].value.nps.promoters', message: 'must be a whole number' }],
    ],
  ])('rejects %s, naming its path', (_, change, expected) => {
    expect(issuesOf(documentWith(change))).toEqual(expected);
  });

  it('rejects a series spanning more than 100 years, as a save does, naming the epic and series', () => {
    const issues = issuesOf(
      documentWith((d) => {
        (benefitsOf(d.epics[0])[0]?.['planned'] as Json[]).push({ month: '2199-12', amount: 1 });
      }),
    );
    expect(issues).toEqual([
      {
        path: 'epics[0].value.benefits[0].planned',
        message: expect.stringMatching(
          /^spans [\d,]+ months, .*at most 1,200 months \(100 years\)$/,
        ) as unknown,
      },
    ]);
  });

  it('rejects cents in a currency without a minor unit', () => {
    const issues = issuesOf(
      documentWith((d) => {
        d['settings'] = { currency: 'JPY', discountRate: 0.08 };
        Object.assign((benefitsOf(d.epics[0])[0]?.['realised'] as Json[])[1] ?? {}, { amount: 600.5 });
      }),
    );
    expect(issues).toEqual([
      {
        path: 'epics[0].value.benefits[0].realised[1].amount',
        message: 'must be a whole number: JPY has no minor unit',
      },
    ]);
  });

  it('accepts objectives without a target, with none (null) or with one, and keeps each as written', () => {
    const document = documentWith((d) => {
      const objectives = d['objectives'] as Json[];
      delete objectives[0]?.['target'];
      Object.assign(objectives[1] ?? {}, { target: null });
    });
    const result = parsePortfolioV1(document);
    expect(result).toEqual({ success: true, data: document });
  });

  it('rejects a target with a missing measure, a negative amount or a date that does not exist', () => {
    const issues = issuesOf(
      documentWith((d) => {
        Object.assign((d['objectives'] as Json[])[0] ?? {}, {
          target: { amount: -1, date: '2026-02-30' },
        });
      }),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'objectives[0].target.amount',
      'objectives[0].target.date',
      'objectives[0].target.measure',
    ]);
  });

  it("rejects a target amount with more decimals than the document's currency has", () => {
    const issues = issuesOf(
      documentWith((d) => {
        d['settings'] = { currency: 'JPY', discountRate: 0.08 };
        Object.assign((d['objectives'] as Json[])[0] ?? {}, {
          target: { measure: 'Revenue', amount: 1100.5, date: '2026-04-30' },
        });
      }),
    );
    expect(issues).toEqual([
      { path: 'objectives[0].target.amount', message: 'must be a whole number: JPY has no minor unit' },
    ]);
  });

  it('reports every problem of a document at once, cross-field ones included', () => {
    const issues = issuesOf(
      documentWith((d) => {
        d['objectives'] = [
          { id: 'OBJ-1', name: 'x', status: 'active', weight: 3 },
          { id: 'OBJ-1', name: 'y', status: 'paused', weight: 11 },
        ];
        const value = valueOf(d.epics[0]);
        value['successProbability'] = 1.5;
        value['objectives'] = [
          { id: 'OBJ-9', share: 0.7 },
          { id: 'OBJ-1', share: 0.6 },
        ];
        value['benefits'] = [
          {
            id: 'b1',
            kind: 'profit',
            title: 't',
            planned: [
              { month: '2026-13', amount: -1 },
              { month: '2026-03', amount: 1.234 },
              { month: '2026-03', amount: 10 },
            ],
            realised: [{ month: '2026-04', amount: 'x', evidence: 'verified' }],
          },
        ];
        d.epics[1] = { ...d.epics[1], key: 'PAY-1', status: 'doing' };
      }),
    );
    expect(issues).toEqual([
      {
        path: 'epics[0].value.benefits[0].kind',
        message: expect.stringContaining('must be one of') as string,
      },
      { path: 'epics[0].value.benefits[0].planned[0].amount', message: 'must be >= 0' },
      {
        path: 'epics[0].value.benefits[0].planned[0].month',
        message: expect.stringContaining('YYYY-MM') as string,
      },
      { path: 'epics[0].value.benefits[0].planned[1].amount', message: 'must have at most 2 decimals' },
      {
        path: 'epics[0].value.benefits[0].planned[2].month',
        message: 'duplicate month "2026-03", already at index 1',
      },
      { path: 'epics[0].value.benefits[0].realised[0].amount', message: 'must be a number, not a string' },
      { path: 'epics[0].value.objectives', message: 'shares sum to 1.3, must be at most 1' },
      { path: 'epics[0].value.objectives[0].id', message: 'unknown objective "OBJ-9"' },
      { path: 'epics[0].value.successProbability', message: 'must be <= 1' },
      { path: 'epics[1].key', message: 'duplicate epic key "PAY-1", already at index 0' },
      { path: 'epics[1].status', message: 'must be one of "todo", "in_progress", "done"' },
      { path: 'epics[1].value.objectives[0].id', message: 'unknown objective "OBJ-2"' }, // no longer in the list
      { path: 'objectives[1].id', message: 'duplicate objective id "OBJ-1", already at index 0' },
      { path: 'objectives[1].status', message: 'must be one of "active", "archived"' },
      { path: 'objectives[1].weight', message: 'must be <= 10' },
    ]);
  });

  it('reports only the header for another format or version, whose other rules it does not know', () => {
    expect(issuesOf({ format: 'value-layer.portfolio', version: 2, epics: 'whatever' })).toEqual([
      { path: 'version', message: 'must be 1' },
    ]);
    expect(issuesOf({ format: 'something-else', version: 1 })).toEqual([
      { path: 'format', message: 'must be "value-layer.portfolio"' },
    ]);
  });

  it('rejects a document that is not an object', () => {
    expect(issuesOf([1, 2])).toEqual([{ path: '(root)', message: 'must be an object, not an array' }]);
    expect(issuesOf(null)).toEqual([{ path: '(root)', message: 'must be an object, not null' }]);
  });
});
