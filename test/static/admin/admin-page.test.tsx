import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  answerJiraDefaults,
  answerResolvers,
  objectiveList,
  ok,
  renderAdminPage,
  settingsView,
} from './admin-harness';

const FORBIDDEN = {
  ok: false as const,
  error: {
    code: 'FORBIDDEN' as const,
    message: 'Only Jira administrators can manage Value Layer settings and objectives.',
  },
};

describe('the admin page', () => {
  beforeEach(() => {
    answerJiraDefaults();
  });

  it('shows the refusal screen, with the server’s reason, when the server refuses the viewer', async () => {
    answerResolvers({ 'admin/get-settings': () => FORBIDDEN, 'admin/list-objectives': () => FORBIDDEN });

    renderAdminPage();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Only Jira admins can manage Value Layer' }),
    ).toBeInTheDocument();
    expect(screen.getByText(FORBIDDEN.error.message)).toBeInTheDocument();
    expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('switches to the refusal screen when a later call is refused (admin rights removed meanwhile)', async () => {
    let allowed = true;
    answerResolvers({
      'admin/get-settings': () => ok(settingsView()),
      'admin/list-objectives': () => ok(objectiveList([])),
      'admin/get-audit-log': () => (allowed ? ok({ entries: [], nextCursor: null }) : FORBIDDEN),
    });
    renderAdminPage();
    await screen.findByRole('heading', { name: 'No strategic objectives yet' });

    allowed = false;
    await userEvent.setup().click(screen.getByRole('tab', { name: 'Audit log' }));

    expect(
      await screen.findByRole('heading', { name: 'Only Jira admins can manage Value Layer' }),
    ).toBeInTheDocument();
  });

  it('moves between its sections with the arrow keys, Home and End, as tabs do', async () => {
    answerResolvers({
      'admin/get-settings': () => ok(settingsView()),
      'admin/list-objectives': () => ok(objectiveList([])),
      'admin/get-audit-log': () => ok({ entries: [], nextCursor: null }),
    });
    const user = userEvent.setup();
    renderAdminPage();
    const objectivesTab = await screen.findByRole('tab', { name: 'Objectives', selected: true });

    objectivesTab.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Settings' })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Settings' })).toBeInTheDocument();
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Audit log', selected: true })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Objectives', selected: true })).toHaveFocus();
    await user.keyboard('{ArrowLeft}{Home}');
    expect(screen.getByRole('tab', { name: 'Objectives', selected: true })).toHaveFocus();
  });

  it('says the settings could not be loaded, and loads them again on Try again', async () => {
    let attempts = 0;
    answerResolvers({
      'admin/get-settings': () => {
        attempts += 1;
        return attempts === 1
          ? {
              ok: false,
              error: {
                code: 'UPSTREAM',
                message: 'Jira is not answering. Nothing was changed; try again in a moment.',
              },
            }
          : ok(settingsView());
      },
      'admin/list-objectives': () => ok(objectiveList([])),
    });
    const user = userEvent.setup();
    renderAdminPage();

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Value Layer could not load its settings')).toBeInTheDocument();
    expect(within(alert).getByText(/Jira is not answering/)).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('tab', { name: 'Objectives' })).toBeInTheDocument();
    await waitFor(() => {
      expect(attempts).toBe(2);
    });
  });
});
