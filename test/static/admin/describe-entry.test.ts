import {
  auditCsvRows,
  describeAction,
  describeValue,
  fieldName,
} from '../../../static/src/features/admin/audit/describe-entry';

const names = (accountId: string) => ({ 'acc-mei': 'Mei Chen' })[accountId] ?? `Unknown user (${accountId})`;

describe('an audit entry in words', () => {
  it('shows default KPI targets as sentences in the KPI’s units, not JSON', () => {
    const text = describeValue(
      'kpiTargets',
      {
        roi: { green: 0.2, amber: 0.05, higherIsBetter: true },
        npsAtCompletion: { green: 30, amber: 0, higherIsBetter: false },
      },
      names,
    );

    expect(text).toBe(
      'ROI to date: on target at 20%, at risk at 5%; NPS at completion: on target at 30, at risk at 0 (lower is better)',
    );
    expect(text).not.toMatch(/[{}"]/);
  });

  it('shows an objective’s target, owner, status and the epic types as text', () => {
    expect(
      describeValue('target', { measure: 'Revenue', amount: 1000000, date: '2027-12-31' }, names),
    ).toMatch(/^1,000,000 of Revenue by .*2027$/);
    expect(describeValue('ownerAccountId', 'acc-mei', names)).toBe('Mei Chen');
    expect(describeValue('objectives.OBJ-1.status', 'archived', names)).toBe('Archived');
    expect(describeValue('epicIssueTypeIds', null, names)).toBe('Every level-1 issue type');
    expect(describeValue('settings.discountRate', 0.12, names)).toBe('12%');
    expect(describeValue('epics.unchanged', 120, names)).toBe('120');
  });

  it('names the fields of an import’s entry', () => {
    expect(describeAction('portfolio.imported')).toBe('Imported a portfolio file');
    expect(fieldName('settings.discountRate')).toBe('Discount rate');
    expect(fieldName('objectives.OBJ-1.name')).toBe('Objective OBJ-1: name');
    expect(fieldName('objectives.OBJ-2')).toBe('New objective OBJ-2');
    expect(fieldName('epics.changed')).toBe('Epics changed');
  });

  it('names an applied scenario whole, spaces and all, and the epics per decision', () => {
    expect(describeAction('planning.applied Budget cut 2027')).toBe('Applied scenario Budget cut 2027');
    expect(describeAction('objective.archived OBJ-1')).toBe('Archived objective OBJ-1');
    expect(fieldName('scenario')).toBe('Scenario');
    expect(fieldName('decisions.stop')).toBe('Epics to stop');
    expect(fieldName('decisions.delay_6')).toBe('Epics delayed 6 months');
  });

  it('writes one CSV row per changed field, values whole and readable', () => {
    const keys = Array.from({ length: 80 }, (_, index) => `PAY-${String(index + 1)}`);
    const rows = auditCsvRows(
      [
        {
          at: '2026-11-23T10:15:00.000Z',
          by: 'acc-mei',
          action: 'portfolio.imported',
          changes: [
            { path: 'settings.discountRate', before: 0.08, after: 0.1 },
            { path: 'epics.changed', before: null, after: keys },
          ],
        },
        { at: '2026-11-22T09:00:00.000Z', by: 'acc-gone', action: 'objective.deleted OBJ-9', changes: [] },
      ],
      names,
    );

    expect(rows).toEqual([
      ['When (UTC)', 'Who', 'Account id', 'What', 'Field', 'Before', 'After'],
      [
        '2026-11-23 10:15:00Z',
        'Mei Chen',
        'acc-mei',
        'Imported a portfolio file',
        'Discount rate',
        '8%',
        '10%',
      ],
      [
        '2026-11-23 10:15:00Z',
        'Mei Chen',
        'acc-mei',
        'Imported a portfolio file',
        'Epics changed',
        '',
        keys.join(', '),
      ],
      ['2026-11-22 09:00:00Z', 'Unknown user (acc-gone)', 'acc-gone', 'Deleted objective OBJ-9', '', '', ''],
    ]);
  });
});
