import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportPreview } from '../../../src/contract/admin.contract';
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
  counts: { objectives: 1, epics: 2 },
  changes: {
    objectivesAdded: ['OBJ-1'],
    objectivesChanged: [],
    epicsWithNewRecord: ['PAY-1'],
    epicsReplaced: ['PAY-2'],
    settingsChanged: false,
  },
};

function jsonFile(content: unknown, name = 'portfolio.json'): File {
  return new File([typeof content === 'string' ? content : JSON.stringify(content, null, 2)], name, {
    type: 'application/json',
  });
}

async function openImport(handlers: Record<string, Handler>) {
  const calls = answerResolvers({
    'admin/get-settings': () => ok(settingsView()),
    'admin/list-objectives': () => ok(objectiveList([])),
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

  it('refuses a file over the 500 KB invoke limit, naming the limit, and sends nothing', async () => {
    const { calls, user } = await openImport({});
    const big = { ...DOCUMENT, notes: 'x'.repeat(520 * 1024) };

    await user.upload(screen.getByLabelText('Choose a file'), jsonFile(big, 'huge.json'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This file is too large to import in one go');
    expect(alert).toHaveTextContent(/It holds 5\d\d KB of data, and Forge passes at most 500 KB/);
    expect(
      within(screen.getByRole('list', { name: 'Import progress' }))
        .getByText('Parsing JSON')
        .closest('li'),
    ).toHaveTextContent('Failed');
    expect(calls.payloads('admin/import-preview')).toEqual([]);
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
    expect(calls.payloads('admin/import-preview')).toEqual([{ document: DOCUMENT }]);
    expect(calls.payloads('admin/import-apply')).toEqual([]);
  });

  it('previews what a valid file changes, then applies it in one call', async () => {
    const { calls, user } = await openImport({
      'admin/import-preview': () => ok(VALID),
      'admin/import-apply': () => ok({ applied: { objectives: 1, epics: 2 } }),
    });

    await user.upload(screen.getByLabelText('Choose a file'), jsonFile(DOCUMENT));

    const preview = await screen.findByRole('region', { name: 'Ready to import' });
    expect(within(preview).getByText('Adds 1 objective')).toBeInTheDocument();
    expect(within(preview).getByText('Records value on 1 epic for the first time')).toBeInTheDocument();
    expect(within(preview).getByText('Replaces the value record of 1 epic')).toBeInTheDocument();
    expect(within(preview).getByText('Keeps the currency and discount rate')).toBeInTheDocument();
    const progress = screen.getByRole('list', { name: 'Import progress' });
    expect(within(progress).getAllByText('Done')).toHaveLength(3);
    await user.click(within(preview).getByRole('button', { name: 'Import 1 objective and 2 epics' }));

    expect(await screen.findByText('Imported 1 objective and 2 epics')).toBeInTheDocument();
    expect(within(progress).getAllByText('Done')).toHaveLength(4);
    expect(calls.payloads('admin/import-apply')).toEqual([{ document: DOCUMENT }]);
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
    expect(calls.payloads('admin/import-preview')).toEqual([{ document: DOCUMENT }]);
  });
});
