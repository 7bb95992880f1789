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

function openSettings(initial = settingsView()) {
  const calls = answerResolvers({
    'admin/get-settings': () => ok(initial),
    'admin/list-objectives': () => ok(objectiveList([])),
    'admin/save-settings': (payload) => ok({ ...initial, settings: payload['settings'] as AppSettings }),
  });
  const user = userEvent.setup();
  renderAdminPage();
  return { calls, user };
}

async function showSettings(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('tab', { name: 'Settings' }));
}

describe('the settings section', () => {
  beforeEach(() => {
    answerJiraDefaults();
  });

  it('shows the discount rate as a percentage and saves it as a decimal', async () => {
    const { calls, user } = openSettings(settingsView({ discountRate: 0.07 }));
    await showSettings(user);

    const rate = screen.getByRole('spinbutton', { name: 'Discount rate (% a year)' });
    expect(rate).toHaveValue(7);
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
    await user.clear(rate);
    await user.type(rate, '12.5');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Fiscal year starts in' }), '4');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(calls.payloads('admin/save-settings')).toEqual([
      {
        settings: {
          currency: 'EUR',
          discountRate: 0.125,
          fiscalYearStartMonth: 4,
          epicIssueTypeIds: null,
          kpiTargets: {},
          verifierGroupId: null,
          approverGroupId: null,
          reviewOffsetsMonths: [3, 6, 12],
        },
      },
    ]);
  });

  it('refuses a discount rate outside 0-100% next to the field', async () => {
    const { calls, user } = openSettings();
    await showSettings(user);

    const rate = screen.getByRole('spinbutton', { name: 'Discount rate (% a year)' });
    await user.clear(rate);
    await user.type(rate, '150');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(rate).toHaveAccessibleDescription(/Enter a percentage from 0 to 100/);
    expect(screen.getByRole('alert')).toHaveTextContent('Fix 1 problem to continue');
    expect(calls.payloads('admin/save-settings')).toEqual([]);
  });

  it('names the level-1 issue types from Jira and saves only the chosen ones', async () => {
    const { calls, user } = openSettings();
    await showSettings(user);

    expect(
      await screen.findByRole('radio', { name: /Every issue type at hierarchy level 1.*Epic, Feature/ }),
    ).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Only the types I choose' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at least one issue type');

    await user.click(
      within(screen.getByRole('group', { name: 'Issue types that count as epics' })).getByRole('checkbox', {
        name: 'Feature',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(calls.payloads('admin/save-settings')).toEqual([
      { settings: expect.objectContaining({ epicIssueTypeIds: ['10005'] }) as unknown },
    ]);
  });

  it('saves KPI targets in the KPI’s own units, and refuses a target with one threshold or the wrong order', async () => {
    const { calls, user } = openSettings(
      settingsView({ kpiTargets: { roi: { green: 0.2, amber: 0.05, higherIsBetter: true } } }),
    );
    await showSettings(user);

    expect(screen.getByRole('spinbutton', { name: 'ROI to date: on target at (%)' })).toHaveValue(20);
    await user.type(
      screen.getByRole('spinbutton', { name: 'NPS at completion: on target at (score −100 to 100)' }),
      '30',
    );
    await user.type(
      screen.getByRole('spinbutton', { name: 'Strategic goals advanced: on target at (%)' }),
      '50',
    );
    await user.type(
      screen.getByRole('spinbutton', { name: 'Strategic goals advanced: at risk at (%)' }),
      '70',
    );
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(
      screen.getByRole('spinbutton', { name: 'NPS at completion: at risk at (score −100 to 100)' }),
    ).toHaveAccessibleDescription(
      /^Enter both thresholds, or clear both for no target\. On target at 30, at risk at 0$/,
    );
    expect(
      screen.getByRole('spinbutton', { name: 'Strategic goals advanced: on target at (%)' }),
    ).toHaveAccessibleDescription(
      /^When higher is better, “on target at” must be at or above “at risk at”\./,
    );
    expect(calls.payloads('admin/save-settings')).toEqual([]);

    await user.type(
      screen.getByRole('spinbutton', { name: 'NPS at completion: at risk at (score −100 to 100)' }),
      '0',
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Strategic goals advanced: direction' }),
      'lower',
    );
    const roiGreen = screen.getByRole('spinbutton', { name: 'ROI to date: on target at (%)' });
    await user.clear(roiGreen);
    await user.type(roiGreen, '25');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(calls.payloads('admin/save-settings')[0]?.['settings']).toMatchObject({
      kpiTargets: {
        roi: { green: 0.25, amber: 0.05, higherIsBetter: true },
        npsAtCompletion: { green: 30, amber: 0, higherIsBetter: true },
        strategicGoalsAdvancedPct: { green: 50, amber: 70, higherIsBetter: false },
      },
    });
  }, 30_000);

  it('shows the built-in target each KPI falls back to when no default is set', async () => {
    const { user } = openSettings();
    await showSettings(user);

    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['KPI', 'On target at', 'At risk at', 'Direction', 'Built-in target']);
    const realisation = within(table).getByRole('row', { name: /^Realisation rate/ });
    expect(realisation).toHaveTextContent('On target at 90%, at risk at 70%');
    expect(
      within(realisation).getByRole('spinbutton', { name: 'Realisation rate: on target at (%)' }),
    ).toHaveAttribute('placeholder', '90');
    expect(within(table).getByRole('row', { name: /^NPV/ })).toHaveTextContent(
      'On target at 0 EUR, at risk at 0 EUR',
    );
    expect(within(table).getByRole('row', { name: /^Verified by finance/ })).toHaveTextContent(
      'On target at 60%, at risk at 30%',
    );
  });

  it('offers currencies by name, without fund codes', async () => {
    const { user } = openSettings();
    await showSettings(user);

    const currency = screen.getByRole('combobox', { name: 'Currency' });
    const options = within(currency)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toContain('EUR — Euro');
    expect(options).toContain('JPY — Japanese Yen');
    expect(options.filter((option) => /^(BOV|CHE|CHW|CLF|COU|MXV|USN|UYI|UYW)\b/.test(option))).toEqual([]);
  });

  it('warns that stored amounts are not converted when the currency changes', async () => {
    const { user } = openSettings();
    await showSettings(user);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'USD');

    expect(screen.getByText('Amounts are not converted to USD')).toBeInTheDocument();
    expect(screen.getByText(/Every amount already recorded in EUR will be read as USD/)).toBeInTheDocument();
  });

  it('shows the server’s refusal and keeps the edits when saving fails', async () => {
    answerResolvers({
      'admin/get-settings': () => ok(settingsView()),
      'admin/list-objectives': () => ok(objectiveList([])),
      'admin/save-settings': () => ({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: 'Some fields are not valid.',
          fields: [{ path: 'settings.currency', message: 'must be an ISO 4217 currency code such as EUR' }],
        },
      }),
    });
    const user = userEvent.setup();
    renderAdminPage();
    await showSettings(user);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'USD');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('The settings were not saved')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveValue('USD');
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveAccessibleDescription(
      /must be an ISO 4217 currency code/,
    );
  });

  it('shows the server’s refusal of one chosen epic type next to the epic types', async () => {
    const message =
      'Story (10000) is at hierarchy level 0, not the epic level (1); choose an epic-level type';
    answerResolvers({
      'admin/get-settings': () => ok(settingsView()),
      'admin/list-objectives': () => ok(objectiveList([])),
      'admin/save-settings': () => ({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: 'Some fields are not valid. Nothing was changed.',
          fields: [{ path: 'settings.epicIssueTypeIds[0]', message }],
        },
      }),
    });
    const user = userEvent.setup();
    renderAdminPage();
    await showSettings(user);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'USD');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('The settings were not saved')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Only the types I choose' })).toHaveAccessibleDescription(
      message,
    );
  });
});
