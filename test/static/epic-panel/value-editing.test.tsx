import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { EMPTY_VALUE, renderPanel, serveHost, viewOf } from './panel-fixtures';

async function addBenefit(user: UserEvent, title: string): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Add benefit' }));
  const titleInput = screen.getByRole('textbox', { name: 'Title' });
  await screen.findByRole('textbox', { name: 'Title' });
  await user.type(titleInput, title);
  return screen.getByRole('region', { name: title });
}

function amounts(group: HTMLElement): string[] {
  return within(group)
    .queryAllByRole('textbox', { name: /amount for/ })
    .map((input) => (input as HTMLInputElement).value);
}

async function spread(
  user: UserEvent,
  group: HTMLElement,
  total: string,
  from: string,
  to: string,
): Promise<void> {
  await user.click(within(group).getByRole('button', { name: 'Spread a total…' }));
  const tool = within(group).getByRole('group', { name: /^Spread a total over/ });
  await user.type(within(tool).getByRole('textbox', { name: 'Total (EUR)' }), total);
  await user.clear(within(tool).getByRole('textbox', { name: 'From month' }));
  await user.type(within(tool).getByRole('textbox', { name: 'From month' }), from);
  await user.clear(within(tool).getByRole('textbox', { name: 'To month' }));
  await user.type(within(tool).getByRole('textbox', { name: 'To month' }), to);
  await user.click(within(tool).getByRole('button', { name: 'Spread' }));
}

/** A panel on `view` with a new benefit, Uplift: the user, and the benefit's planned-benefit group. */
async function plannedBenefitOfNewBenefit(
  view = viewOf(),
): Promise<{ user: UserEvent; planned: HTMLElement }> {
  serveHost(view);
  const user = userEvent.setup();
  await renderPanel();
  const benefit = await addBenefit(user, 'Uplift');
  return { user, planned: within(benefit).getByRole('group', { name: 'Planned benefit' }) };
}

/** The same, with one planned month added: the user, and that month's amount field. */
async function newPlannedAmount(): Promise<{ user: UserEvent; amount: HTMLElement }> {
  const { user, planned } = await plannedBenefitOfNewBenefit();
  await user.click(within(planned).getByRole('button', { name: 'Add month' }));
  return { user, amount: await within(planned).findByRole('textbox', { name: /amount for/ }) };
}

describe('EpicPanel editing', () => {
  it('adds a benefit and puts the focus on its title', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Add benefit' }));

    const title = await screen.findByRole('textbox', { name: 'Title' });
    await expect(screen.findByRole('textbox', { name: 'Title' })).resolves.toHaveFocus();
    expect(title).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Untitled benefit' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Unsaved changes', { selector: '.vl-lozenge' })).toBeInTheDocument();
  });

  it('spreads 120,000 evenly over March to December', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();
    const benefit = await addBenefit(user, 'Faster checkout');
    const planned = within(benefit).getByRole('group', { name: 'Planned benefit' });

    await spread(user, planned, '120,000', 'Mar 2026', '2026-12');

    expect(amounts(planned)).toEqual(Array(10).fill('12,000.00'));
    expect(
      within(planned).getByRole('textbox', { name: 'Planned benefit: amount for Mar 2026' }),
    ).toBeInTheDocument();
    expect(
      within(planned).getByRole('textbox', { name: 'Planned benefit: amount for Dec 2026' }),
    ).toBeInTheDocument();
    expect(within(planned).getByText('€120,000.00 total')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Spread €120,000.00 over 10 months, Mar 2026 to Dec 2026 (€12,000.00 a month).',
      ),
    ).toBeInTheDocument();
  });

  it('gives the leftover cents of a spread to the last months, so the total is exact', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();
    const benefit = await addBenefit(user, 'Savings');
    const planned = within(benefit).getByRole('group', { name: 'Planned benefit' });

    await spread(user, planned, '100.01', '2027-01', '2027-03');

    expect(amounts(planned)).toEqual(['33.33', '33.34', '33.34']);
    expect(within(planned).getByText('€100.01 total')).toBeInTheDocument();
  });

  it('refuses a spread it cannot do, next to the field at fault', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();
    const benefit = await addBenefit(user, 'Savings');
    const planned = within(benefit).getByRole('group', { name: 'Planned benefit' });

    await spread(user, planned, '1000', '2027-05', '2027-01');

    const to = within(planned).getByRole('textbox', { name: 'To month' });
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription('Choose a month on or after the first month.');
    expect(amounts(planned)).toEqual([]);
  });

  it('takes a column pasted from a spreadsheet, in any number format', async () => {
    const { user, planned } = await plannedBenefitOfNewBenefit(viewOf({ asOf: '2026-11' }));
    await user.click(within(planned).getByRole('button', { name: 'Paste from spreadsheet…' }));
    const tool = within(planned).getByRole('group', { name: 'Paste planned benefit from a spreadsheet' });

    await user.click(within(tool).getByRole('textbox', { name: 'Amounts' }));
    await user.paste('1,234.50\n2.000,00\n\n300');
    await user.click(within(tool).getByRole('button', { name: 'Add amounts' }));

    expect(amounts(planned)).toEqual(['1,234.50', '2,000.00', '300.00']);
    expect(
      within(planned).getByRole('textbox', { name: 'Planned benefit: amount for Feb 2027' }),
    ).toHaveValue('300.00');
  });

  it('explains a paste it cannot read and keeps what was pasted', async () => {
    const { user, planned } = await plannedBenefitOfNewBenefit();
    await user.click(within(planned).getByRole('button', { name: 'Paste from spreadsheet…' }));
    const text = within(planned).getByRole('textbox', { name: 'Amounts' });

    await user.click(text);
    await user.paste('100\nabout 200');
    await user.click(within(planned).getByRole('button', { name: 'Add amounts' }));

    expect(text).toHaveAccessibleDescription(
      'Copy a column or a row of cells, or months and amounts side by side, and paste them here. 1,234.50 and 1.234,50 both work. Line 2: "about 200" is not an amount.',
    );
    expect(text).toHaveValue('100\nabout 200');
  });

  it('records a realised amount with how it is evidenced', async () => {
    serveHost(viewOf({ asOf: '2026-11' }));
    const user = userEvent.setup();
    await renderPanel();
    const benefit = await addBenefit(user, 'Uplift');
    const realised = within(benefit).getByRole('group', { name: 'Realised benefit' });

    await user.click(within(realised).getByRole('button', { name: 'Add month' }));
    const amount = await within(realised).findByRole('textbox', {
      name: 'Realised benefit: amount for Nov 2026',
    });
    await expect(
      within(realised).findByRole('textbox', { name: /amount for Nov 2026/ }),
    ).resolves.toHaveFocus();
    await user.type(amount, '900');
    await user.selectOptions(
      within(realised).getByRole('combobox', { name: 'Realised benefit: evidence for Nov 2026' }),
      'Verified',
    );
    await user.tab();

    expect(amount).toHaveValue('900.00');
    expect(within(realised).getByRole('combobox', { name: /evidence for Nov 2026/ })).toHaveValue('verified');
    expect(within(realised).getByText('€900.00 total')).toBeInTheDocument();
  });

  it('shows a problem next to the field while the user types, and clears it when fixed', async () => {
    const { user, amount } = await newPlannedAmount();

    await user.type(amount, '12x');

    await screen.findByText('Enter a number, such as 1,250.50.');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription('Enter a number, such as 1,250.50.');
    await user.type(amount, '{Backspace}');
    await user.tab();
    expect(amount).not.toHaveAttribute('aria-invalid');
    expect(amount).toHaveValue('12.00');
  });

  it.each([
    ['$500', '"$500" is in another currency: enter the amount in EUR (€).'],
    ['500 USD', '"500 USD" is in another currency: enter the amount in EUR (€).'],
    ['12abc', 'Enter a number, such as 1,250.50.'],
  ])('refuses %j in an amount of a EUR site, naming the field on save', async (typed, message) => {
    const { user, amount } = await newPlannedAmount();

    await user.type(amount, typed);
    await user.tab();
    expect(amount).toHaveValue(typed);
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription(message);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const title = await screen.findByRole('heading', { name: 'Fix 1 problem before saving' });
    const summary = title.closest<HTMLElement>('[role="alert"]');
    if (summary === null) throw new Error('The error summary is not an alert.');
    expect(
      within(summary).getByRole('button', { name: /^“Uplift”, planned \w+ \d{4}: amount$/ }),
    ).toBeVisible();
    expect(summary).toHaveTextContent(message);
  });

  it('accepts the site currency’s own symbol in an amount', async () => {
    const { user, amount } = await newPlannedAmount();

    await user.type(amount, '€500');
    await user.tab();
    expect(amount).not.toHaveAttribute('aria-invalid');
    expect(amount).toHaveValue('500.00');
  });

  it('does not complain about a field the user only passed through', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Add benefit' }));
    await waitFor(() => {
      expect(screen.getByRole('textbox', { name: 'Title' })).toHaveFocus();
    });

    await user.tab();

    expect(screen.getByRole('textbox', { name: 'Title' })).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Enter a title.')).not.toBeInTheDocument();
  });

  it('removes a month and a benefit, and brings the benefit back with undo', async () => {
    serveHost(
      viewOf({
        value: {
          ...EMPTY_VALUE,
          benefits: [
            {
              id: 'b1',
              kind: 'cost_saving',
              title: 'Run-cost savings',
              planned: [
                { month: '2026-03', amount: 10 },
                { month: '2026-04', amount: 20 },
              ],
              realised: [],
            },
          ],
        },
      }),
    );
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Run-cost savings' }));
    const planned = within(screen.getByRole('region', { name: 'Run-cost savings' })).getByRole('group', {
      name: 'Planned benefit',
    });

    await user.click(within(planned).getByRole('button', { name: 'Remove Mar 2026 from planned benefit' }));
    expect(amounts(planned)).toEqual(['20.00']);

    await user.click(screen.getByRole('button', { name: 'Remove benefit' }));
    expect(screen.queryByRole('region', { name: 'Run-cost savings' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('region', { name: 'Run-cost savings' })).toBeInTheDocument();
  });

  it('links objectives with shares and says when the shares exceed 100%', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();

    await user.click(screen.getByRole('checkbox', { name: 'Grow recurring revenue' }));
    const first = screen.getByRole('textbox', { name: 'Share of Grow recurring revenue' });
    expect(first).toHaveValue('100');
    await user.clear(first);
    await user.type(first, '70');
    await user.click(screen.getByRole('checkbox', { name: 'Reduce cost to serve' }));
    const second = screen.getByRole('textbox', { name: 'Share of Reduce cost to serve' });
    expect(second).toHaveValue('30');
    await user.clear(second);
    await user.type(second, '45');

    expect(screen.getByText(/Shares linked:/)).toHaveTextContent('Shares linked: 115% of 100%');
    expect(
      screen.getByText('The shares add up to 115%; together they can be at most 100%.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Grow recurring revenue' }));
    expect(screen.queryByText(/together they can be at most 100%/)).not.toBeInTheDocument();
  });

  it('computes the NPS from the survey counts', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Record survey results' }));
    await user.type(screen.getByRole('textbox', { name: 'Promoters (9–10)' }), '40');
    await user.type(screen.getByRole('textbox', { name: 'Passives (7–8)' }), '30');
    await user.type(screen.getByRole('textbox', { name: 'Detractors (0–6)' }), '10');

    expect(screen.getByText(/^NPS/, { selector: 'p' })).toHaveTextContent('NPS +37.5 from 80 responses');
  });
});
