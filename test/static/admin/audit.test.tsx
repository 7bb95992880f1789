import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuditEntry } from '../../../src/contract/admin.contract';
import {
  answerJiraDefaults,
  answerResolvers,
  objectiveList,
  ok,
  renderAdminPage,
  settingsView,
} from './admin-harness';
import { readText } from '../../../static/src/features/admin/import/read-file';

const NEWEST: AuditEntry = {
  at: '2026-11-23T10:15:00.000Z',
  by: 'acc-morgan',
  action: 'objective.updated OBJ-GROW',
  changes: [
    { path: 'ownerAccountId', before: null, after: 'acc-mei' },
    { path: 'weight', before: 5, after: 8 },
  ],
};
const OLDER: AuditEntry = {
  at: '2026-11-20T09:00:00.000Z',
  by: 'acc-gone',
  action: 'settings.updated',
  changes: [{ path: 'discountRate', before: 0.08, after: 0.1 }],
};

describe('the audit log section', () => {
  beforeEach(() => {
    answerJiraDefaults();
  });

  it('shows who changed what, with names from Jira, and loads older changes with the cursor', async () => {
    const calls = answerResolvers({
      'admin/get-settings': () => ok(settingsView()),
      'admin/list-objectives': () => ok(objectiveList([])),
      'admin/get-audit-log': (payload) =>
        payload['cursor'] === 'page-2'
          ? ok({ entries: [OLDER], nextCursor: null })
          : ok({ entries: [NEWEST], nextCursor: 'page-2' }),
    });
    const user = userEvent.setup();
    renderAdminPage();
    await user.click(await screen.findByRole('tab', { name: 'Audit log' }));

    const table = await screen.findByRole('table', { name: /Changes to objectives and settings/ });
    const first = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(first).getByRole('rowheader')).toHaveTextContent('Edited objective OBJ-GROW');
    expect(await within(first).findByText('Morgan Reyes')).toBeInTheDocument();
    expect(first).toHaveTextContent('Owner Mei Chen');
    expect(first).toHaveTextContent('Weight 5 → changed to 8');
    await user.click(screen.getByRole('button', { name: 'Load older changes' }));

    const second = (await within(table).findAllByRole('row'))[2] as HTMLElement;
    expect(within(second).getByRole('rowheader')).toHaveTextContent('Changed settings');
    expect(second).toHaveTextContent('Discount rate 8% → changed to 10%');
    expect(await within(second).findByText('Unknown user (acc-gone)')).toBeInTheDocument();
    expect(screen.getByText('That is every change recorded.')).toBeInTheDocument();
    expect(calls.payloads('admin/get-audit-log')).toEqual([{}, { cursor: 'page-2' }]);
  });

  it('filters by kind, person and days on the server, and exports what the filter keeps as CSV', async () => {
    const calls = answerResolvers({
      'admin/get-settings': () => ok(settingsView()),
      'admin/list-objectives': () => ok(objectiveList([])),
      'admin/get-audit-log': (payload) =>
        payload['kind'] === 'settings'
          ? ok({ entries: [OLDER], nextCursor: null })
          : ok({ entries: [NEWEST, OLDER], nextCursor: null }),
    });
    const created: Blob[] = [];
    const saved: { blob: Blob; name: string }[] = [];
    // jsdom has no object URLs and does not download; record what the page hands the browser.
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return `blob:audit-${String(created.length)}`;
    };
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      const blob = created[Number(this.href.split('-').pop()) - 1];
      if (blob) saved.push({ blob, name: this.download });
    });
    const user = userEvent.setup();
    renderAdminPage();
    await user.click(await screen.findByRole('tab', { name: 'Audit log' }));
    await screen.findByRole('table', { name: /Changes to objectives and settings/ });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'settings');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Who' }), 'acc-gone');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });

    expect(calls.payloads('admin/get-audit-log').at(-1)).toEqual({
      kind: 'settings',
      by: 'acc-gone',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const table = await screen.findByRole('table', { name: /Changes to objectives and settings/ });
    await waitFor(() => {
      expect(within(table).getAllByRole('row')).toHaveLength(2);
    });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => {
      expect(saved).toHaveLength(1);
    });
    click.mockRestore();
    expect(saved[0]?.name).toBe('value-layer-audit-log-from-2026-11-01-to-2026-11-30.csv');
    const csv = await readText(saved[0]?.blob ?? new Blob([]), () => undefined);
    expect(csv.split('\r\n')[0]).toBe('When (UTC),Who,Account id,What,Field,Before,After');
    expect(csv).toContain(',acc-gone,Changed settings,Discount rate,8%,10%');
  });

  it('says when nothing has been recorded yet', async () => {
    answerResolvers({
      'admin/get-settings': () => ok(settingsView()),
      'admin/list-objectives': () => ok(objectiveList([])),
      'admin/get-audit-log': () => ok({ entries: [], nextCursor: null }),
    });
    const user = userEvent.setup();
    renderAdminPage();
    await user.click(await screen.findByRole('tab', { name: 'Audit log' }));

    expect(await screen.findByRole('heading', { name: 'No changes recorded yet' })).toBeInTheDocument();
  });
});
