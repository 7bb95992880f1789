import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportPreview } from '../../../src/contract/admin.contract';
import type { Envelope } from '../../../src/contract/envelope';
import {
  answerJiraDefaults,
  answerResolvers,
  objectiveList,
  ok,
  renderAdminPage,
  settingsView,
  type Handler,
} from './admin-harness';

const DOCUMENT = {
  format: 'value-layer.portfolio',
  version: 1,
  settings: { currency: 'EUR', discountRate: 0.08 },
  objectives: [{ id: 'OBJ-1', name: 'Grow', status: 'active', weight: 5 }],
  epics: [],
};

const VALID: ImportPreview = {
  valid: true,
  issues: [],
  counts: { objectives: 1, epics: 3 },
  changes: {
    objectivesAdded: ['OBJ-1'],
    objectivesChanged: [],
    epicsWithNewRecord: ['PAY-1'],
    epicsReplaced: ['PAY-2'],
    epicsUnreadableReplaced: [],
    epicsUnchanged: ['PAY-3'],
    settingsChanged: true,
  },
  diff: {
    currency: 'EUR',
    settings: [{ field: 'Discount rate', unit: 'ratio', before: 0.08, after: 0.1 }],
    objectives: [{ id: 'OBJ-1', name: 'Grow', outcome: 'new', changes: [] }],
    epics: [
      {
        key: 'PAY-1',
        summary: 'Checkout',
        outcome: 'new',
        changes: [{ field: 'Benefit “Sales”: planned', unit: 'money', before: 0, after: 1200 }],
      },
      {
        key: 'PAY-2',
        summary: 'Refunds',
        outcome: 'changed',
        changes: [
          { field: 'Benefit “Fees”: planned', unit: 'money', before: 2000, after: 2500 },
          { field: 'Success probability', unit: 'ratio', before: 0.8, after: 0.9 },
        ],
      },
    ],
    epicsNotDetailed: 0,
  },
};

function jsonFile(content: unknown, name = 'portfolio.json'): File {
  return new File([typeof content === 'string' ? content : JSON.stringify(content, null, 2)], name, {
    type: 'application/json',
  });
}

const IMPORT_ID = 'imp-0001-test';

async function openImport(handlers: Record<string, Handler>) {
  const calls = answerResolvers({
    'admin/get-settings': () => ok(settingsView()),
    'admin/list-objectives': () => ok(objectiveList([])),
    'admin/import-stage': () => ok({ importId: IMPORT_ID }),
    ...handlers,
  });
  const user = userEvent.setup();
  renderAdminPage();
  await user.click(await screen.findByRole('tab', { name: 'Import' }));
  return { calls, user };
}

describe('the import section', () => {
  beforeEach(() => {
    answerJiraDefaults();
  });

  it('uploads a file over the 500 KB invoke limit in parts under 200 KB, showing which part is going up', async () => {
    let releaseSecond: () => void = () => undefined;
    const { calls, user } = await openImport({
      'admin/import-stage': (payload) =>
        payload.part === 1
          ? new Promise((resolve) => {
              releaseSecond = () => {
                resolve(ok({ importId: IMPORT_ID }));
              };
            })
          : ok({ importId: IMPORT_ID }),
      'admin/import-preview': () => ok(VALID),
    });
    const big = { ...DOCUMENT, notes: 'x"'.repeat(260 * 1024) };

    await user.upload(screen.getByLabelText('Choose a file'), jsonFile(big, 'huge.json'));

    const bar = await screen.findByRole('progressbar', { name: 'Uploading' });
    expect(bar).toHaveAttribute('aria-valuetext', 'Uploading 2 of 7');
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    expect(bar).toHaveAttribute('aria-valuemax', '7');
    releaseSecond();
    expect(await screen.findByRole('region', { name: 'Ready to import' })).toBeInTheDocument();
    const parts = calls.payloads('admin/import-stage');
    expect(parts.map(({ part, parts: of, importId }) => [part, of, importId])).toEqual([
      [0, 7, undefined],
      ...[1, 2, 3, 4, 5, 6].map((part) => [part, 7, IMPORT_ID]),
    ]);
    for (const { chunk } of parts) expect(new Blob([JSON.stringify(chunk)]).size).toBeLessThan(200 * 1024);
    expect(JSON.parse(parts.map(({ chunk }) => chunk as string).join(''))).toEqual(big);
    expect(calls.payloads('admin/import-preview')).toEqual([{ importId: IMPORT_ID }]);
  });

  it('refuses a file over 20 MB, naming the limit, and sends nothing', async () => {
    const { calls, user } = await openImport({});
    const huge = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(huge, 'size', { value: 21 * 1024 * 1024 });

    await user.upload(screen.getByLabelText('Choose a file'), huge);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This file is too large to import');
    expect(alert).toHaveTextContent('It is 21.0 MB; Value Layer imports files of at most 20.0 MB');
    expect(calls.payloads('admin/import-stage')).toEqual([]);
  });

  it('says why an upload failed and imports nothing', async () => {
    const { calls, user } = await openImport({
      'admin/import-stage': () => ({ ok: false, error: { code: 'UPSTREAM', message: 'Storage is busy.' } }),
    });

    await user.upload(screen.getByLabelText('Choose a file'), jsonFile(DOCUMENT));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file could not be uploaded');
    expect(alert).toHaveTextContent('Storage is busy. Nothing was imported; choose the file again.');
    expect(calls.payloads('admin/import-preview')).toEqual([]);
  });

  it('applies a large file step by step with a progress bar of the epics applied', async () => {
    const steps = [
      { done: false, importId: IMPORT_ID, phase: 'applying', applied: 0, total: 2000 },
      { done: false, importId: IMPORT_ID, phase: 'applying', applied: 400, total: 2000 },
    ];
    let release: () => void = () => undefined;
    const { calls, user } = await openImport({
      'admin/import-preview': () =>
        ok({
          ...VALID,
          counts: { objectives: 1, epics: 2000 },
          changes: {
            ...VALID.changes,
            epicsWithNewRecord: [],
            epicsReplaced: Array.from({ length: 2000 }, (_, index) => `PAY-${String(index + 1)}`),
            epicsUnchanged: [],
          },
        }),
      'admin/import-apply': () => {
        const next = steps.shift();
        if (next) return ok(next);
        return new Promise((resolve) => {
          release = () => {
            resolve(ok({ done: true, importId: IMPORT_ID, applied: { objectives: 1, epics: 2000 } }));
          };
        });
      },
    });
    await user.upload(screen.getByLabelText('Choose a file'), jsonFile(DOCUMENT));
    await user.click(await screen.findByRole('button', { name: 'Import 1 objective and 2,000 epics' }));

    const bar = await screen.findByRole('progressbar', { name: 'Applying' });
    expect(bar).toHaveAttribute('aria-valuetext', 'Applied 400 of 2,000 epics');
    expect(bar).toHaveAttribute('aria-valuenow', '400');
    expect(bar).toHaveAttribute('aria-valuemax', '2000');
    release();

    expect(await screen.findByText('Imported 1 objective and 2,000 epics')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(calls.payloads('admin/import-apply')).toEqual([
      { importId: IMPORT_ID },
      { importId: IMPORT_ID },
      { importId: IMPORT_ID },
    ]);
  });

  it('offers to try again when a step fails on the way, and resumes the same import', async () => {
    const answers: Envelope<unknown>[] = [
      { ok: false, error: { code: 'UPSTREAM', message: 'Jira did not answer; apply again to finish.' } },
      ok({ done: true, importId: IMPORT_ID, applied: { objectives: 1, epics: 3 } }),
    ];
    const { calls, user } = await openImport({
      'admin/import-preview': () => ok(VALID),
      'admin/import-apply': () => answers.shift() ?? ok(null),
    });
    await user.upload(screen.getByLabelText('Choose a file'), jsonFile(DOCUMENT));
    await user.click(await screen.findByRole('button', { name: 'Import 1 objective and 2 epics' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Jira did not answer');
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(
      await screen.findByText('Imported 1 objective and 2 epics; 1 epic left as it was'),
    ).toBeInTheDocument();
    expect(calls.payloads('admin/import-apply')).toEqual([{ importId: IMPORT_ID }, { importId: IMPORT_ID }]);
  });

  it('says a file that is not JSON cannot be imported', async () => {
    const { calls, user } = await openImport({});

    await user.upload(screen.getByLabelText('Choose a file'), jsonFile('{"format": ', 'broken.json'));

    expect(await screen.findByRole('alert')).toHaveTextContent('This file is not JSON');
    expect(calls.payloads('admin/import-preview')).toEqual([]);
  });

  it('lists every problem with its path in the file, and offers no import, when the file is invalid', async () => {
    const issues = [
      { path: 'epics[0].key', message: 'PAY-999 does not exist or you cannot see it' },
      { path: 'epics[3].value.benefits[0].planned[1].amount', message: 'must be >= 0' },
    ];
    const { calls, user } = await openImport({
      'admin/import-preview': () => ok({ ...VALID, valid: false, issues }),
    });

    await user.upload(screen.getByLabelText('Choose a file'), jsonFile(DOCUMENT));

    expect(await screen.findByRole('alert')).toHaveTextContent('2 problems found: nothing will be imported');
    const table = screen.getByRole('table', { name: '2 problems in the file' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([
      'epics[0].keyPAY-999 does not exist or you cannot see it',
      'epics[3].value.benefits[0].planned[1].amountmust be >= 0',
    ]);
    expect(screen.queryByRole('button', { name: /^Import / })).not.toBeInTheDocument();
    expect(calls.payloads('admin/import-preview')).toEqual([{ importId: IMPORT_ID }]);
    expect(calls.payloads('admin/import-apply')).toEqual([]);
  });

  it('previews what a valid file changes, then applies it', async () => {
    const { calls, user } = await openImport({
      'admin/import-preview': () => ok(VALID),
      'admin/import-apply': () =>
        ok({ done: true, importId: IMPORT_ID, applied: { objectives: 1, epics: 3 } }),
    });

    await user.upload(screen.getByLabelText('Choose a file'), jsonFile(DOCUMENT));

    const preview = await screen.findByRole('region', { name: 'Ready to import' });
    expect(within(preview).getByRole('group', { name: 'Settings' })).toHaveTextContent(
      'Discount rate 8% → changed to 10%',
    );
    const epics = within(preview).getByRole('table', { name: 'Epics the import writes' });
    expect(
      within(epics)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent.replace(/\s+/g, ' ')),
    ).toEqual([
      'PAY-1 CheckoutNewBenefit “Sales”: planned €0.00 → changed to €1,200.00',
      'PAY-2 RefundsChangedBenefit “Fees”: planned €2,000.00 → changed to €2,500.00Success probability 80% → changed to 90%',
    ]);
    expect(
      within(preview).getByText('1 epic unchanged: left as they are, with no new revision'),
    ).toBeInTheDocument();
    expect(within(preview).getByText('PAY-3')).toBeInTheDocument();
    expect(
      within(within(preview).getByRole('table', { name: 'Objectives the import adds or changes' })).getByText(
        'New',
      ),
    ).toBeInTheDocument();
    const progress = screen.getByRole('list', { name: 'Import progress' });
    expect(within(progress).getAllByText('Done')).toHaveLength(4);
    await user.click(within(preview).getByRole('button', { name: 'Import 1 objective and 2 epics' }));

    expect(
      await screen.findByText('Imported 1 objective and 2 epics; 1 epic left as it was'),
    ).toBeInTheDocument();
    expect(within(progress).getAllByText('Done')).toHaveLength(5);
    expect(calls.payloads('admin/import-stage')).toEqual([
      { part: 0, parts: 1, chunk: JSON.stringify(DOCUMENT) },
    ]);
    expect(calls.payloads('admin/import-apply')).toEqual([{ importId: IMPORT_ID }]);
  });

  it('shows every error of a refused apply, with paths into the file, and says nothing was imported', async () => {
    const { user } = await openImport({
      'admin/import-preview': () => ok(VALID),
      'admin/import-apply': () => ({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: 'The file has 1 problem(s); nothing was imported.',
          fields: [{ path: 'document.epics[1].key', message: 'you cannot edit PAY-2' }],
        },
      }),
    });
    await user.upload(screen.getByLabelText('Choose a file'), jsonFile(DOCUMENT));
    await user.click(await screen.findByRole('button', { name: 'Import 1 objective and 2 epics' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was imported');
    expect(
      within(screen.getByRole('table', { name: '1 problem in the file' })).getByText('epics[1].key'),
    ).toBeInTheDocument();
  });

  it('takes a file dropped on the drop zone', async () => {
    const { calls } = await openImport({ 'admin/import-preview': () => ok(VALID) });
    const zone = screen.getByText('Drop a portfolio file here').closest('div') as HTMLElement;

    fireEvent.drop(zone, { dataTransfer: { files: [jsonFile(DOCUMENT)] } });

    expect(await screen.findByRole('region', { name: 'Ready to import' })).toBeInTheDocument();
    expect(calls.payloads('admin/import-preview')).toEqual([{ importId: IMPORT_ID }]);
  });

  it('says which epics replace an unreadable record', async () => {
    const { user } = await openImport({
      'admin/import-preview': () =>
        ok({
          ...VALID,
          changes: { ...VALID.changes, epicsUnreadableReplaced: ['PAY-4'] },
          diff: {
            ...VALID.diff,
            epics: [{ key: 'PAY-4', summary: 'Ledger', outcome: 'repaired', changes: [] }],
          },
        }),
    });

    await user.upload(screen.getByLabelText('Choose a file'), jsonFile(DOCUMENT));

    const preview = await screen.findByRole('region', { name: 'Ready to import' });
    const row = within(preview).getByRole('row', { name: /PAY-4/ });
    expect(row).toHaveTextContent('Repaired');
    expect(row).toHaveTextContent('The unreadable record is replaced by the file’s');
    expect(within(preview).getByText('Unreadable records are repaired')).toBeInTheDocument();
  });

  it('names the epics a rolled-back import left as someone saved them, and offers no retry', async () => {
    const { user } = await openImport({
      'admin/import-preview': () => ok(VALID),
      'admin/import-apply': () => ({
        ok: false,
        error: {
          code: 'UPSTREAM',
          message:
            'The import stopped (Jira is down). Try again in a moment. Everything the import wrote was put back except 1 epic(s) someone else changed after the import wrote them, which were left as they are: PAY-1.',
          details: { rolledBack: true, conflicts: [{ key: 'PAY-1', revision: 4, updatedBy: 'acc-team' }] },
        },
      }),
    });
    await user.upload(screen.getByLabelText('Choose a file'), jsonFile(DOCUMENT));
    await user.click(await screen.findByRole('button', { name: 'Import 1 objective and 2 epics' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The import was put back, except 1 epic changed since');
    const table = screen.getByRole('table', { name: '1 epic left as someone else saved it' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('PAY-14acc-team');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});
