import { importedValue } from '../../src/application/admin/import-authority';
import { EMPTY_VALUE } from '../../src/application/epic-value/epic-value-view';
import { DEFAULT_SETTINGS } from '../../src/contract/site-config.schema';
import type { EpicValueDocument } from '../../src/contract/epic-value.schema';

const decision = {
  choice: 'stop',
  scenario: 'Budget cut 2027',
  by: 'planner',
  at: '2026-12-06T04:00:00.000Z',
} as const;
const stored: EpicValueDocument = { ...EMPTY_VALUE, decision };
const roles = { isVerifier: () => Promise.resolve(false), isApprover: () => Promise.resolve(false) };
const imported = (value: EpicValueDocument) =>
  importedValue({
    accountId: 'admin',
    roles,
    settings: DEFAULT_SETTINGS,
    value,
    previous: stored,
    now: new Date('2026-12-07T00:00:00Z'),
    prefix: 'epics[0].value.',
  });

describe('importedValue, scenario decision', () => {
  it('keeps the stored decision when the file has none', async () => {
    expect(await imported({ ...EMPTY_VALUE, successProbability: 0.5 })).toEqual({
      value: { ...EMPTY_VALUE, successProbability: 0.5, decision },
    });
  });

  it('restores the decision a backup holds', async () => {
    const backup = { ...EMPTY_VALUE, decision: { ...decision, choice: 'delay_3' as const } };

    expect(await imported(backup)).toEqual({ value: backup });
  });
});
