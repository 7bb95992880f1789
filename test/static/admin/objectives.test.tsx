import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ObjectiveWithUsage } from '../../../src/contract/admin.contract';
import {
  answerJiraDefaults,
  answerResolvers,
  objective,
  objectiveList,
  ok,
  renderAdminPage,
  settingsView,
  type Handler,
} from './admin-harness';

const GROW = objective('OBJ-GROW', {
  name: 'Grow recurring revenue',
  description: 'Subscriptions over one-off sales.',
  ownerAccountId: 'acc-mei',
  weight: 8,
  target: { measure: 'ARR (EUR)', amount: 5000000, date: '2027-12-31' },
  linkedEpics: 21,
  figures: { status: 'active', attributedPlanned: 3_100_000, attributedRealised: 410_000, advanced: true },
});
const UPSELL = objective('OBJ-UPSELL', {
  name: 'Upsell existing customers',
  parentId: 'OBJ-GROW',
  linkedEpics: 2,
});
const OLD = objective('OBJ-OLD', { name: 'Retired goal', status: 'archived', linkedEpics: 4 });

function withObjectives(objectives: ObjectiveWithUsage[], more: Record<string, Handler> = {}) {
  return answerResolvers({
    'admin/get-settings': () => ok(settingsView()),
    'admin/list-objectives': () => ok(objectiveList(objectives)),
    ...more,
  });
}

describe('the objectives section', () => {
  beforeEach(() => {
    answerJiraDefaults();
  });

  it('lists each objective with its owner, target, linked epics and value attributed, sub-objectives under their parent', async () => {
    withObjectives([UPSELL, GROW]);
    renderAdminPage();

    const table = await screen.findByRole('table', { name: /Strategic objectives/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      expect.stringContaining('OBJ-GROW'),
      expect.stringContaining('Sub-objective of OBJ-GROW: OBJ-UPSELL'),
    ]);
    const grow = rows[0] as HTMLElement;
    expect(await within(grow).findByText('Mei Chen')).toBeInTheDocument();
    expect(within(grow).getByText('21')).toBeInTheDocument();
    expect(grow).toHaveTextContent(/€410(\.0)?K realised of €3\.1M planned/);
    expect(grow).toHaveTextContent(/ARR \(EUR\): 5,000,000 by (Dec 31, 2027|31 Dec 2027)/);
    expect(screen.getByText(/active goals advanced/)).toHaveTextContent(
      '2 active · 0 archived · 1 of 2 active goals advanced',
    );
  });

  it('hides archived objectives until "Show archived" is ticked', async () => {
    withObjectives([GROW, OLD]);
    const user = userEvent.setup();
    renderAdminPage();

    await screen.findByRole('table');
    expect(screen.queryByRole('rowheader', { name: /OBJ-OLD/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Show archived (1)' }));

    expect(screen.getByRole('rowheader', { name: /OBJ-OLD/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Restore OBJ-OLD' })).toBeInTheDocument();
  });

  it('explains how to start, with a way to import, when there are no objectives', async () => {
    withObjectives([]);
    const user = userEvent.setup();
    renderAdminPage();

    await screen.findByRole('heading', { name: 'No strategic objectives yet' });
    await user.click(screen.getByRole('button', { name: 'Import a portfolio file' }));

    expect(screen.getByRole('tab', { name: 'Import', selected: true })).toBeInTheDocument();
  });

  it('shows every problem of a new objective next to its field, and sends nothing', async () => {
    const calls = withObjectives([GROW]);
    const user = userEvent.setup();
    renderAdminPage();
    await user.click(await screen.findByRole('button', { name: 'Create objective' }));

    await user.type(screen.getByRole('textbox', { name: /^ID/ }), 'OBJ-GROW');
    await user.clear(screen.getByRole('spinbutton', { name: /Weight/ }));
    await user.type(screen.getByRole('spinbutton', { name: /Weight/ }), '11');
    await user.type(screen.getByRole('textbox', { name: 'Measure' }), 'ARR');
    await user.click(screen.getByRole('button', { name: 'Create objective' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Fix 5 problems to continue');
    expect(summary).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /^ID/ })).toHaveAccessibleDescription(
      /OBJ-GROW already exists; choose another id\./,
    );
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription('Enter a name.');
    expect(screen.getByRole('spinbutton', { name: /Weight/ })).toHaveAccessibleDescription(
      /Enter a whole number from 1 to 10\./,
    );
    expect(screen.getByRole('spinbutton', { name: 'Amount' })).toHaveAccessibleDescription(
      'Enter the amount that counts as achieved.',
    );
    expect(screen.getByLabelText('By date')).toHaveAccessibleDescription(
      'Enter the date it should be achieved by.',
    );
    expect(calls.payloads('admin/create-objective')).toEqual([]);

    await user.click(within(summary).getByRole('link', { name: 'Name' }));
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveFocus();
  });

  it('creates an objective with an owner found in Jira, a target and a parent, then lists it', async () => {
    let objectives = [GROW];
    const calls = withObjectives([], {
      'admin/list-objectives': () => ok(objectiveList(objectives)),
      'admin/create-objective': (payload) => {
        const created = payload['objective'] as ObjectiveWithUsage;
        objectives = [...objectives, { ...objective(created.id), ...created }];
        return ok(created);
      },
    });
    const user = userEvent.setup();
    renderAdminPage();
    await user.click(await screen.findByRole('button', { name: 'Create objective' }));
    expect(screen.getByRole('heading', { name: 'Create objective' })).toHaveFocus();

    await user.type(screen.getByRole('textbox', { name: /^ID/ }), 'OBJ-NEW');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), '  New markets ');
    await user.type(screen.getByRole('combobox', { name: 'Owner' }), 'mor');
    await screen.findByRole('option', { name: /Morgan Reyes/ });
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    expect(await screen.findByRole('button', { name: 'Change owner (Morgan Reyes)' })).toHaveFocus();
    await user.type(screen.getByRole('textbox', { name: 'Measure' }), 'Countries');
    await user.type(screen.getByRole('spinbutton', { name: 'Amount' }), '3');
    await user.type(screen.getByLabelText('By date'), '2027-06-30');
    await user.selectOptions(screen.getByRole('combobox', { name: /Parent objective/ }), 'OBJ-GROW');
    await user.click(screen.getByRole('button', { name: 'Create objective' }));

    expect(await screen.findByText('Created OBJ-NEW')).toBeInTheDocument();
    expect(calls.payloads('admin/create-objective')).toEqual([
      {
        objective: {
          id: 'OBJ-NEW',
          name: 'New markets',
          status: 'active',
          weight: 5,
          description: '',
          ownerAccountId: 'acc-morgan',
          target: { measure: 'Countries', amount: 3, date: '2027-06-30' },
          parentId: 'OBJ-GROW',
        },
      },
    ]);
    expect(
      await screen.findByRole('rowheader', { name: /Sub-objective of OBJ-GROW: OBJ-NEW/ }),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Edit OBJ-NEW' })).toHaveFocus();
    });
  });

  it('leaves the form on Escape, sending nothing, and returns the focus to the button that opened it', async () => {
    const calls = withObjectives([GROW]);
    const user = userEvent.setup();
    renderAdminPage();
    await user.click(await screen.findByRole('button', { name: 'Edit OBJ-GROW' }));

    await user.type(screen.getByRole('textbox', { name: /^Name/ }), ' and more{Escape}');

    expect(screen.queryByRole('heading', { name: 'Edit OBJ-GROW' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit OBJ-GROW' })).toHaveFocus();
    expect(calls.payloads('admin/update-objective')).toEqual([]);
  });

  it("puts the server's field errors next to their fields", async () => {
    withObjectives([GROW], {
      'admin/update-objective': () => ({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: 'Some fields are not valid.',
          fields: [
            {
              path: 'objective.parentId',
              message: 'OBJ-X is itself a sub-objective; goals nest one level only',
            },
          ],
        },
      }),
    });
    const user = userEvent.setup();
    renderAdminPage();
    await user.click(await screen.findByRole('button', { name: 'Edit OBJ-GROW' }));

    expect(screen.getByRole('textbox', { name: /^ID/ })).toHaveAttribute('readonly');
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Grow recurring revenue');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('combobox', { name: /Parent objective/ })).toHaveAccessibleDescription(
      /OBJ-X is itself a sub-objective; goals nest one level only\./,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Parent objective');
  });

  it('asks before deleting in a dialog that keeps Tab inside, and Escape keeps the objective', async () => {
    const calls = withObjectives([GROW], { 'admin/delete-objective': () => ok({ deleted: 'OBJ-GROW' }) });
    const user = userEvent.setup();
    renderAdminPage();
    const opener = await screen.findByRole('button', { name: 'Delete OBJ-GROW' });
    await user.click(opener);

    const dialog = screen.getByRole('alertdialog', { name: 'Delete OBJ-GROW “Grow recurring revenue”?' });
    expect(dialog).toHaveAccessibleDescription(/Deleting cannot be undone/);
    const [cancel, remove] = within(dialog).getAllByRole('button');
    expect([cancel?.textContent, remove?.textContent]).toEqual(['Cancel', 'Delete OBJ-GROW']);
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab();
    expect(remove).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(calls.payloads('admin/delete-objective')).toEqual([]);
  });

  it('shows why an objective epics link to cannot be deleted, and archives it instead', async () => {
    let current = GROW;
    const calls = withObjectives([], {
      'admin/list-objectives': () => ok(objectiveList([current])),
      'admin/delete-objective': () => ({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'OBJ-GROW cannot be deleted: 21 epic(s) link to it (PAY-1, PAY-2). Archive it instead.',
        },
      }),
      'admin/set-objective-status': (payload) => {
        current = { ...current, status: payload['status'] as 'active' | 'archived' };
        return ok(current);
      },
    });
    const user = userEvent.setup();
    renderAdminPage();
    await user.click(await screen.findByRole('button', { name: 'Delete OBJ-GROW' }));
    const confirm = screen.getByRole('alertdialog', { name: /Delete OBJ-GROW/ });
    expect(confirm).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Delete OBJ-GROW' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('OBJ-GROW cannot be deleted');
    expect(alert).toHaveTextContent('21 epic(s) link to it (PAY-1, PAY-2). Archive it instead.');
    await user.click(within(alert).getByRole('button', { name: 'Archive instead' }));

    expect(await screen.findByText('Archived OBJ-GROW')).toBeInTheDocument();
    expect(calls.payloads('admin/set-objective-status')).toEqual([{ id: 'OBJ-GROW', status: 'archived' }]);
    await user.click(screen.getByRole('button', { name: 'Undo: restore' }));
    expect(await screen.findByText('Restored OBJ-GROW')).toBeInTheDocument();
    expect(calls.payloads('admin/set-objective-status')).toEqual([
      { id: 'OBJ-GROW', status: 'archived' },
      { id: 'OBJ-GROW', status: 'active' },
    ]);
  });

  it('says so when the objectives cannot be loaded, and loads them again on Try again', async () => {
    let attempts = 0;
    withObjectives([], {
      'admin/list-objectives': () => {
        attempts += 1;
        return attempts === 1
          ? {
              ok: false,
              error: {
                code: 'INTERNAL',
                message: 'Something went wrong on our side. Nothing was changed; try again.',
              },
            }
          : ok(objectiveList([GROW]));
      },
    });
    const user = userEvent.setup();
    renderAdminPage();

    await user.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('rowheader', { name: /OBJ-GROW/ })).toBeInTheDocument();
  });
});
