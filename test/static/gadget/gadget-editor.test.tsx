import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ScopeOptionSource } from '../../../static/src/features/gadget/data/jira-options';
import { GadgetApp } from '../../../static/src/features/gadget/gadget-app';
import { fakeBridge } from '../fake-bridge';
import { answerInvoke, gadgetContext } from './portfolio-fixtures';

const options: ScopeOptionSource = {
  projects: () =>
    Promise.resolve([
      { value: 'CHK', label: 'Checkout (CHK)' },
      { value: 'PAY', label: 'Payments (PAY)' },
      { value: 'OPS', label: 'Operations (OPS)' },
    ]),
  programmes: () => Promise.resolve([{ value: 'PRG-1', label: 'PRG-1 Checkout modernisation' }]),
  objectives: () => Promise.resolve([{ value: 'OBJ-1', label: 'Grow revenue' }]),
  adminTargets: () => Promise.resolve({}),
};

function renderEditor(configuration: unknown = {}, source: ScopeOptionSource = options) {
  gadgetContext({ configuration, editing: true });
  const submitted: unknown[] = [];
  fakeBridge.on('submit', (payload) => {
    submitted.push(payload);
    return true;
  });
  render(<GadgetApp options={source} now={() => new Date(2026, 10, 23)} />);
  return submitted;
}

describe('GadgetEditor', () => {
  it('opens in edit mode with the saved settings filled in', async () => {
    renderEditor({
      title: 'Payments value',
      scope: { kind: 'projects', projects: ['PAY'] },
      asOf: '2026-06',
    });

    expect(
      await screen.findByRole('heading', { name: 'Payments value settings', level: 1 }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toHaveValue('Payments value');
    expect(screen.getByRole('radio', { name: 'Projects' })).toBeChecked();
    expect(await screen.findByRole('checkbox', { name: 'Payments (PAY)' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'A fixed month' })).toBeChecked();
    expect(screen.getByLabelText('Month')).toHaveValue('2026-06');
  });

  it('saves two chosen projects, the tiles and the targets with view.submit', async () => {
    const user = userEvent.setup();
    const submitted = renderEditor();

    await user.click(await screen.findByRole('radio', { name: 'Projects' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Payments (PAY)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Checkout (CHK)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Cost avoidance realised' }));
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'ROI to date: target' }),
      'Set for this gadget',
    );
    const green = screen.getByLabelText('ROI to date: on target at (%)');
    await user.clear(green);
    await user.type(green, '15');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(submitted).toHaveLength(1);
    });
    const config = submitted[0] as Record<string, unknown>;
    expect(config['scope']).toEqual({ kind: 'projects', projects: ['PAY', 'CHK'] });
    expect(config['asOf']).toBeNull();
    expect(config['tiles']).not.toContain('costAvoidanceRealised');
    expect((config['targets'] as Record<string, unknown>)['roi']).toEqual({
      green: 0.15,
      amber: 0,
      higherIsBetter: true,
    });
    // A dozen clicks and keystrokes through the whole editor: slower than jest's 5 s on a busy machine.
  }, 20_000);

  it('shows risk ranges by default and saves the choice to hide them', async () => {
    const user = userEvent.setup();
    const submitted = renderEditor();

    const ranges = await screen.findByRole('checkbox', { name: 'Show risk ranges' });
    expect(ranges).toBeChecked();
    expect(ranges).toHaveAccessibleDescription(/fan chart of benefit from P10 to P90/);
    await user.click(ranges);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(submitted).toHaveLength(1);
    });
    expect((submitted[0] as Record<string, unknown>)['showRanges']).toBe(false);
  }, 20_000);

  it('says which targets are inherited from the admin settings and which are built in', async () => {
    renderEditor(
      { targets: { npv: { green: 1000, amber: 0, higherIsBetter: true } } },
      {
        ...options,
        adminTargets: () => Promise.resolve({ roi: { green: 0.25, amber: 0.05, higherIsBetter: true } }),
      },
    );

    const roi = await screen.findByRole('combobox', { name: 'ROI to date: target' });
    await waitFor(() => {
      expect(roi).toHaveDisplayValue('Default from admin settings');
    });
    const row = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(row('ROI to date')).toHaveTextContent('25 %');
    expect(screen.getByRole('combobox', { name: 'Value for money: target' })).toHaveDisplayValue(
      'Built-in default',
    );
    expect(screen.getByRole('combobox', { name: 'NPV: target' })).toHaveDisplayValue('Set for this gadget');
    expect(screen.getByLabelText('NPV: on target at (amount)')).toHaveValue('1000');
  });

  it('overrides an inherited target starting from its values, and clears one to no target', async () => {
    const user = userEvent.setup();
    const submitted = renderEditor(
      {},
      {
        ...options,
        adminTargets: () => Promise.resolve({ roi: { green: 0.25, amber: 0.05, higherIsBetter: true } }),
      },
    );
    const roi = await screen.findByRole('combobox', { name: 'ROI to date: target' });
    await waitFor(() => {
      expect(roi).toHaveDisplayValue('Default from admin settings');
    });

    await user.selectOptions(roi, 'Set for this gadget');
    expect(screen.getByLabelText('ROI to date: on target at (%)')).toHaveValue('25');
    await user.clear(screen.getByLabelText('ROI to date: at risk at (%)'));
    await user.type(screen.getByLabelText('ROI to date: at risk at (%)'), '10');
    await user.selectOptions(screen.getByRole('combobox', { name: 'NPV: target' }), 'No target');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(submitted).toHaveLength(1);
    });
    expect((submitted[0] as Record<string, unknown>)['targets']).toEqual({
      roi: { green: 0.25, amber: 0.1, higherIsBetter: true },
      npv: null,
    });
  });

  it('shows each problem next to its field, linked with aria-describedby, and does not save', async () => {
    const user = userEvent.setup();
    const submitted = renderEditor();

    await user.clear(await screen.findByLabelText(/^Title/));
    await user.click(screen.getByRole('radio', { name: 'Programmes' }));
    await user.type(screen.getByLabelText('Or type programme keys'), 'banana');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const title = screen.getByLabelText(/^Title/);
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Give the gadget a title.');
    expect(screen.getByLabelText('Or type programme keys')).toHaveAccessibleDescription(
      /BANANA is not an issue key; write keys such as PRG-12\./,
    );
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Fix 2 problems to continue');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link', { name: 'Title' })).toHaveAttribute('href', '#title');
    expect(submitted).toEqual([]);
  });

  it('names the KPI in a target’s error, in the summary and beside its input', async () => {
    const user = userEvent.setup();
    const submitted = renderEditor();

    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'NPV: target' }),
      'Set for this gadget',
    );
    const amber = screen.getByRole('textbox', { name: /^NPV: at risk at/ });
    await user.clear(amber);
    await user.type(amber, '100');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'NPV: at risk at' })).toBeInTheDocument();
    expect(amber).toHaveAccessibleDescription(
      'NPV’s at-risk threshold must be at or below its on-target threshold when higher is better.',
    );
    expect(submitted).toEqual([]);
  });

  it("checks a JQL scope first and shows Jira's rejection next to the JQL field", async () => {
    const user = userEvent.setup();
    const calls = answerInvoke({
      'gadget/live-page': () => ({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: "Field 'projct' does not exist or you do not have permission to view it.",
          fields: [
            {
              path: 'jql',
              message: "Field 'projct' does not exist or you do not have permission to view it.",
            },
          ],
        },
      }),
    });
    const submitted = renderEditor();

    await user.click(await screen.findByRole('radio', { name: 'JQL filter' }));
    await user.type(screen.getByRole('textbox', { name: /JQL query/ }), 'projct = PAY');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const jql = screen.getByRole('textbox', { name: /JQL query/ });
    await waitFor(() => {
      expect(jql).toHaveAccessibleDescription(/Jira rejected this JQL: Field 'projct' does not exist/);
    });
    expect(jql).toHaveFocus();
    expect(calls[0]?.payload).toEqual({ scope: { kind: 'jql', jql: 'projct = PAY' }, asOf: '2026-11' });
    expect(submitted).toEqual([]);
  });

  it('saves a JQL scope that Jira accepts', async () => {
    const user = userEvent.setup();
    answerInvoke({ 'gadget/live-page': () => ({ ok: true, data: { processed: 100, nextCursor: 'c1' } }) });
    const submitted = renderEditor();

    await user.click(await screen.findByRole('radio', { name: 'JQL filter' }));
    await user.type(screen.getByRole('textbox', { name: /JQL query/ }), 'labels = growth');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(submitted).toHaveLength(1);
    });
    expect((submitted[0] as Record<string, unknown>)['scope']).toEqual({
      kind: 'jql',
      jql: 'labels = growth',
    });
  });

  it('says why a list of choices could not be loaded and loads it again on request', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    renderEditor(
      {},
      {
        ...options,
        projects: () => {
          attempts += 1;
          return attempts === 1 ? Promise.reject(new Error('Jira answered 503.')) : options.projects();
        },
      },
    );

    await user.click(await screen.findByRole('radio', { name: 'Projects' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The projects could not be loaded: Jira answered 503.');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('checkbox', { name: 'Payments (PAY)' })).toBeInTheDocument();
  });

  it('closes edit mode on Cancel', async () => {
    const user = userEvent.setup();
    fakeBridge.on('close', () => true);
    renderEditor();

    await user.click(await screen.findByRole('button', { name: 'Cancel' }));

    expect(fakeBridge.calls.map((call) => call.method)).toContain('close');
  });
});
