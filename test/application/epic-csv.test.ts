import { csvHeaderOf, csvRowsOf } from '../../src/application/export/epic-csv';
import { DEFAULT_SETTINGS } from '../../src/contract/site-config.schema';
import type { EpicRecord } from '../../src/domain/model/portfolio-record';

function anEpic(amount: number): EpicRecord {
  return {
    key: 'PAY-7',
    summary: 'Card payments',
    project: 'PAY',
    programme: 'PRG-1',
    status: 'in_progress',
    value: {
      successProbability: 1,
      objectives: [{ id: 'OBJ-GROW', share: 0.333 }],
      benefits: [
        {
          id: 'b1',
          kind: 'revenue',
          title: 'Sales',
          planned: [
            { month: '2026-01', amount },
            { month: '2027-06', amount },
          ],
          realised: [{ month: '2026-01', amount: 333, evidence: 'verified' }],
        },
      ],
      costs: { planned: [{ month: '2026-01', amount: 300 }], actual: [{ month: '2026-01', amount: 300 }] },
      nps: null,
    },
  };
}

const settings = (currency: string) => ({ ...DEFAULT_SETTINGS, currency });
const column = (currency: string, name: string) => csvHeaderOf(currency).indexOf(name);

describe('the epics CSV', () => {
  it('has readable headers with units, and the KPI names of the vocabulary', () => {
    const header = csvHeaderOf('EUR');

    expect(header.slice(0, 7)).toEqual([
      'Epic',
      'Summary',
      'Project',
      'Programme',
      'Status',
      'Objectives (share)',
      'Planned benefit (EUR)',
    ]);
    expect(header).toContain('ROI to date (%)');
    expect(header).toContain('Verified by finance (%)');
    expect(header).toContain('Value for money (× cost)');
  });

  it('writes the status in words and each objective’s name beside its id', () => {
    const [row] = csvRowsOf([anEpic(1000)], settings('EUR'), '2026-03', [
      { id: 'OBJ-GROW', name: 'Grow revenue' },
    ]);

    expect(row?.slice(0, 6)).toEqual([
      'PAY-7',
      'Card payments',
      'PAY',
      'PRG-1',
      'In progress',
      'OBJ-GROW Grow revenue (33.3%)',
    ]);
  });

  it('rounds amounts to the currency’s decimals (NPV is discounted to fractions) and ratios to a tenth of a percent', () => {
    const npvIn = (currency: string) => {
      const [row] = csvRowsOf([anEpic(1000)], settings(currency), '2026-03');
      return row?.[column(currency, `NPV (${currency})`)] as number;
    };
    const decimalsOf = (value: number) => (String(value).split('.')[1] ?? '').length;
    const [euro] = csvRowsOf([anEpic(1000)], settings('EUR'), '2026-03');

    expect(decimalsOf(npvIn('EUR'))).toBe(2);
    expect(decimalsOf(npvIn('JPY'))).toBe(0);
    expect(decimalsOf(npvIn('KWD'))).toBe(3);
    expect(Math.abs(npvIn('KWD') - npvIn('EUR'))).toBeLessThan(0.01);
    expect(euro?.[column('EUR', 'Realised benefit (EUR)')]).toBe(333);
    expect(euro?.[column('EUR', 'ROI to date (%)')]).toBe(11);
    expect(euro?.[column('EUR', 'Verified by finance (%)')]).toBe(100);
  });

  it('has the dis-benefits apart, and realisation against the approved baseline and forecast drift', () => {
    const epic = anEpic(1000);
    const withProfile: EpicRecord = {
      ...epic,
      value: {
        ...epic.value,
        benefits: [
          ...epic.value.benefits,
          {
            id: 'b2',
            kind: 'dis_benefit',
            title: 'Lost sales during the migration',
            planned: [],
            realised: [{ month: '2026-01', amount: 33, evidence: 'measured' }],
          },
        ],
        baseline: {
          version: 1,
          approvedBy: 'approver-1',
          approvedAt: '2025-12-01T09:00:00.000Z',
          successProbability: 1,
          benefits: [
            {
              id: 'b1',
              kind: 'revenue',
              planned: [
                { month: '2026-01', amount: 1200 },
                { month: '2027-06', amount: 1300 },
              ],
            },
          ],
          plannedCost: [],
        },
      },
    };
    const [row] = csvRowsOf([withProfile], settings('EUR'), '2026-03');
    // Realised 333 - 33 = 300; against the baseline to date 300 / 1,200 = 25%; plan 2,000 vs 2,500 approved.
    expect(row?.[column('EUR', 'Realised benefit (EUR)')]).toBe(300);
    expect(row?.[column('EUR', 'Dis-benefit realised (EUR)')]).toBe(33);
    expect(row?.[column('EUR', 'Realisation against baseline (%)')]).toBe(25);
    expect(row?.[column('EUR', 'Forecast drift (%)')]).toBe(-20);
    const [plain] = csvRowsOf([epic], settings('EUR'), '2026-03');
    expect(plain?.[column('EUR', 'Realisation against baseline (%)')]).toBeNull();
    expect(plain?.[column('EUR', 'Dis-benefit realised (EUR)')]).toBe(0);
  });
});
