import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AppSettings } from '../../../src/contract/site-config.schema';
import {
  answerJiraDefaults,
  answerResolvers,
  objectiveList,
  ok,
  renderAdminPage,
  settingsView,
} from './admin-harness';

const GROUPS = [
  { groupId: 'g-fin', name: 'Finance' },
  { groupId: 'g-fin-ops', name: 'Finance operations' },
  { groupId: 'g-app', name: 'Value approvers' },
];

function openSettings(initial = settingsView()) {
  const calls = answerResolvers({
    'admin/get-settings': () => ok(initial),
    'admin/list-objectives': () => ok(objectiveList([])),
    'admin/find-groups': (payload) => {
      const query = String(payload['query']).toLowerCase();
      const groups = GROUPS.filter((group) => group.name.toLowerCase().includes(query));
      return ok({ groups, total: groups.length });
    },
    'admin/save-settings': (payload) => {
      const settings = payload['settings'] as AppSettings;
      const ids = [settings.verifierGroupId, settings.approverGroupId];
      if (ids.includes('g-gone'))
        return {
          ok: false,
          error: {
            code: 'BAD_REQUEST',
            message: 'Some fields are not valid. Nothing was changed.',
            fields: [{ path: 'settings.approverGroupId', message: 'no Jira group has the id g-gone' }],
          },
        };
      return ok({ ...initial, settings, groups: GROUPS.filter((group) => ids.includes(group.groupId)) });
    },
  });
  const user = userEvent.setup();
  renderAdminPage();
  return { calls, user };
}

async function showSettings(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('tab', { name: 'Settings' }));
}

describe('the verifier and approver pickers', () => {
  beforeEach(() => {
    answerJiraDefaults();
  });

  it('says Jira administrators hold both roles while no group is chosen', async () => {
    const { user } = openSettings();
    await showSettings(user);

    for (const role of ['Verifiers', 'Approvers']) {
      expect(
        within(screen.getByRole('group', { name: role })).getByText('No group: Jira administrators'),
      ).toBeVisible();
    }
  });

  it('finds groups by part of their name and saves the chosen one as the verifier group', async () => {
    const { calls, user } = openSettings();
    await showSettings(user);
    const verifiers = screen.getByRole('group', { name: 'Verifiers' });

    await user.type(within(verifiers).getByRole('searchbox', { name: 'Find a group for verifiers' }), 'fin');
    await user.click(within(verifiers).getByRole('button', { name: 'Find groups' }));
    const found = await within(verifiers).findByRole('list', { name: 'Groups found for verifiers' });
    expect(
      within(found)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Finance', 'Finance operations']);
    await user.click(within(found).getByRole('button', { name: 'Finance' }));
    expect(within(verifiers).getByText('Finance', { selector: 'strong' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(calls.payloads('admin/find-groups')).toEqual([{ query: 'fin' }]);
    expect(calls.payloads('admin/save-settings')[0]?.['settings']).toMatchObject({
      verifierGroupId: 'g-fin',
      approverGroupId: null,
    });
  });

  it('shows the chosen group by name, and goes back to Jira administrators on request', async () => {
    const { calls, user } = openSettings({
      ...settingsView({ approverGroupId: 'g-app' }),
      groups: [{ groupId: 'g-app', name: 'Value approvers' }],
    });
    await showSettings(user);
    const approvers = screen.getByRole('group', { name: 'Approvers' });
    expect(within(approvers).getByText('Value approvers', { selector: 'strong' })).toBeVisible();

    await user.click(within(approvers).getByRole('button', { name: 'Use Jira administrators' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(calls.payloads('admin/save-settings')[0]?.['settings']).toMatchObject({ approverGroupId: null });
  });

  it("says when a chosen group no longer exists, and shows the server's refusal beside the picker", async () => {
    const { user } = openSettings(settingsView({ approverGroupId: 'g-gone' }));
    await showSettings(user);
    const approvers = screen.getByRole('group', { name: 'Approvers' });
    expect(within(approvers).getByText('A group that no longer exists (g-gone)')).toBeVisible();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Fiscal year starts in' }), '4');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await within(approvers).findByText('no Jira group has the id g-gone')).toBeVisible();
    expect(within(approvers).getByRole('searchbox', { name: 'Find a group for approvers' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });
});
