import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import { EMPTY_KPIS, EMPTY_VALUE, renderPanel, serveHost, viewOf } from './panel-fixtures';

type Benefit = EpicValueDocument['benefits'][number];

const uplift: Benefit = {
  id: 'b1',
  kind: 'revenue',
  title: 'Conversion uplift',
  owner: 'acc-sam',
  measure: {
    name: 'Checkout conversion',
    unit: '%',
    baseline: 2.5,
    target: 3.1,
    method: 'Weekly funnel report',
    methodLink: 'https://reports.example.com/funnel',
  },
  planned: [{ month: '2026-10', amount: 1000 }],
  realised: [
    {
      month: '2026-10',
      amount: 400,
      evidence: 'verified',
      note: 'Booked by finance',
      evidenceLink: 'https://finance.example.com/ledger/2026-10',
      recordedBy: 'acc-sam',
      verifiedBy: 'acc-priya',
      verifiedAt: '2026-11-03T09:15:00.000Z',
    },
  ],
};

const migrationLoss: Benefit = {
  id: 'd1',
  kind: 'dis_benefit',
  title: 'Sales lost in the migration',
  planned: [{ month: '2026-10', amount: 300 }],
  realised: [{ month: '2026-10', amount: 100, evidence: 'measured' }],
};

const valueWith = (...benefits: Benefit[]): EpicValueDocument => ({ ...EMPTY_VALUE, benefits });

const region = (name: string) => screen.getByRole('region', { name });

async function openCard(title: string): Promise<HTMLElement> {
  await userEvent.setup().click(screen.getByRole('button', { name: title }));
  return screen.getByRole('region', { name: title });
}

/** The panel as served, with a realised month added to Conversion uplift: its card and realised group. */
async function addRealisedMonthToUplift(): Promise<{
  user: UserEvent;
  card: HTMLElement;
  realised: HTMLElement;
}> {
  const user = userEvent.setup();
  await renderPanel();
  const card = await openCard('Conversion uplift');
  const realised = within(card).getByRole('group', { name: 'Realised benefit' });
  await user.click(within(realised).getByRole('button', { name: 'Add month' }));
  return { user, card, realised };
}

describe('EpicPanel benefit owner and measure', () => {
  it('shows the owner by the name Jira gives, and the measure as saved', async () => {
    serveHost(viewOf({ value: valueWith(uplift) }));
    await renderPanel();
    const card = await openCard('Conversion uplift');

    expect(await within(card).findByText('Sam Okafor')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Change owner (Sam Okafor)' })).toBeInTheDocument();
    const measure = within(card).getByRole('group', { name: 'Measure' });
    expect(within(measure).getByRole('textbox', { name: 'What is measured' })).toHaveValue(
      'Checkout conversion',
    );
    expect(within(measure).getByRole('textbox', { name: 'Unit' })).toHaveValue('%');
    expect(within(measure).getByRole('textbox', { name: 'Baseline' })).toHaveValue('2.5');
    expect(within(measure).getByRole('textbox', { name: 'Target' })).toHaveValue('3.1');
    expect(within(measure).getByRole('textbox', { name: 'How it is measured' })).toHaveValue(
      'Weekly funnel report',
    );
    expect(within(measure).getByRole('textbox', { name: 'Method link (optional)' })).toHaveValue(
      'https://reports.example.com/funnel',
    );
  });

  it('picks an owner from Jira’s users by keyboard and saves their account id', async () => {
    const host = serveHost(viewOf({ value: valueWith({ ...uplift, owner: undefined }) }));
    const user = userEvent.setup();
    await renderPanel();
    const card = await openCard('Conversion uplift');

    const picker = within(card).getByRole('combobox', { name: 'Owner' });
    await user.type(picker, 'pri');
    await within(card).findByRole('option', { name: /Priya Natarajan/ });
    await user.keyboard('{Enter}');

    expect(within(card).getByText('Priya Natarajan')).toBeInTheDocument();
    await waitFor(() => {
      expect(within(card).getByRole('button', { name: 'Change owner (Priya Natarajan)' })).toHaveFocus();
    });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(host.saves).toHaveLength(1);
    });
    expect(host.saves[0]?.value.benefits[0]?.owner).toBe('acc-priya');
  });

  it('says so when no Jira user matches', async () => {
    serveHost(viewOf({ value: valueWith({ ...uplift, owner: undefined }) }));
    const user = userEvent.setup();
    await renderPanel();
    const card = await openCard('Conversion uplift');

    await user.type(within(card).getByRole('combobox', { name: 'Owner' }), 'zed');

    // Said to screen readers (a status) and shown under the box.
    await waitFor(() => {
      expect(
        within(card)
          .getAllByRole('status')
          .map((status) => status.textContent),
      ).toContain('No Jira user matches "zed".');
    });
  });

  it('asks for every measure field once one is filled, each next to its field, and saves none while all are blank', async () => {
    const host = serveHost(viewOf({ value: valueWith({ ...uplift, measure: undefined, realised: [] }) }));
    const user = userEvent.setup();
    await renderPanel();
    const card = await openCard('Conversion uplift');
    const measure = within(card).getByRole('group', { name: 'Measure' });

    await user.type(within(measure).getByRole('textbox', { name: 'What is measured' }), 'Handling time');
    await user.type(within(measure).getByRole('textbox', { name: 'Target' }), '4 min');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(host.saves).toHaveLength(0);
    expect(within(measure).getByRole('textbox', { name: 'Unit' })).toHaveAccessibleDescription(
      'Enter the unit, such as “minutes” or “%”.',
    );
    expect(within(measure).getByRole('textbox', { name: 'Baseline' })).toHaveAccessibleDescription(
      'Enter the baseline, a number such as 12.5.',
    );
    expect(within(measure).getByRole('textbox', { name: 'Target' })).toHaveAccessibleDescription(
      'Enter the target as a number, such as 12.5; the unit goes in Unit.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      '“Conversion uplift”, measure: target – Enter the target as a number',
    );

    // Cleared again, the benefit has no measure and saves.
    await user.clear(within(measure).getByRole('textbox', { name: 'What is measured' }));
    await user.clear(within(measure).getByRole('textbox', { name: 'Target' }));
    await user.type(within(card).getByRole('textbox', { name: 'Title' }), ' at checkout');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(host.saves).toHaveLength(1);
    });
    expect(host.saves[0]?.value.benefits[0]?.title).toBe('Conversion uplift at checkout');
    expect(host.saves[0]?.value.benefits[0]).not.toHaveProperty('measure');
  }, 20_000);

  it('saves a complete measure with numbers read as typed', async () => {
    const host = serveHost(viewOf({ value: valueWith({ ...uplift, measure: undefined, realised: [] }) }));
    const user = userEvent.setup();
    await renderPanel();
    const card = await openCard('Conversion uplift');
    const measure = within(card).getByRole('group', { name: 'Measure' });
    const type = (name: string, text: string) =>
      user.type(within(measure).getByRole('textbox', { name }), text);

    await type('What is measured', 'Average handling time');
    await type('Unit', 'minutes');
    await type('Baseline', '7.25');
    await type('Target', '-1,5');
    await type('How it is measured', 'Contact-centre report');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(host.saves).toHaveLength(1);
    });
    expect(host.saves[0]?.value.benefits[0]?.measure).toEqual({
      name: 'Average handling time',
      unit: 'minutes',
      baseline: 7.25,
      target: -1.5,
      method: 'Contact-centre report',
    });
  }, 20_000);

  it('puts the server’s error on a measure field next to that field', async () => {
    const host = serveHost(viewOf({ value: valueWith(uplift) }));
    host.answerSave = () => ({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'Some fields are not valid.',
        fields: [{ path: 'value.benefits[0].measure.target', message: 'must be a finite number' }],
      },
    });
    const user = userEvent.setup();
    await renderPanel();
    await user.clear(screen.getByRole('textbox', { name: 'Chance that the planned benefits arrive' }));
    await user.type(screen.getByRole('textbox', { name: 'Chance that the planned benefits arrive' }), '90');

    await user.click(screen.getByRole('button', { name: 'Save' }));

    // The card opens on its own, so that the field is on screen.
    const target = await screen.findByRole('textbox', { name: 'Target' });
    expect(target).toHaveAccessibleDescription('must be a finite number');
    expect(target).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      '“Conversion uplift”, measure: target – must be a finite number',
    );
  });
});

describe('EpicPanel realised entries', () => {
  it('shows the note, the evidence link, and who recorded and verified the entry', async () => {
    serveHost(viewOf({ value: valueWith(uplift) }));
    await renderPanel();
    const card = await openCard('Conversion uplift');
    const realised = within(card).getByRole('group', { name: 'Realised benefit' });

    expect(
      within(realised).getByRole('textbox', { name: 'Realised benefit: Note for Oct 2026' }),
    ).toHaveValue('Booked by finance');
    expect(
      within(realised).getByRole('textbox', { name: 'Realised benefit: Evidence link for Oct 2026' }),
    ).toHaveValue('https://finance.example.com/ledger/2026-10');
    const day = new Date('2026-11-03T09:15:00.000Z').toLocaleDateString(undefined, { dateStyle: 'medium' });
    expect(
      await within(realised).findByText(`Recorded by Sam Okafor · Verified by Priya Natarajan on ${day}`),
    ).toBeInTheDocument();
  });

  it('names the account id of someone Jira does not name', async () => {
    const entry = {
      month: '2026-10',
      amount: 400,
      evidence: 'measured' as const,
      recordedBy: 'acc-gone',
    };
    serveHost(viewOf({ value: valueWith({ ...uplift, realised: [entry] }) }));
    await renderPanel();
    const card = await openCard('Conversion uplift');

    expect(await within(card).findByText('Recorded by acc-gone')).toBeInTheDocument();
  });

  it('refuses an evidence link that is not https, next to the field, and saves note and link', async () => {
    const host = serveHost(viewOf({ value: valueWith({ ...uplift, realised: [] }) }));
    const { user, realised } = await addRealisedMonthToUplift();
    await user.type(
      within(realised).getByRole('textbox', { name: 'Realised benefit: amount for Nov 2026' }),
      '250',
    );
    await user.type(
      within(realised).getByRole('textbox', { name: 'Realised benefit: Note for Nov 2026' }),
      'From the dashboard',
    );
    const link = within(realised).getByRole('textbox', {
      name: 'Realised benefit: Evidence link for Nov 2026',
    });
    await user.type(link, 'http://dashboards.example.com/nov');
    await user.tab();

    expect(link).toHaveAccessibleDescription(
      'Enter a link that starts with https://, such as https://example.com/report.',
    );
    await user.clear(link);
    await user.type(link, 'https://dashboards.example.com/nov');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(host.saves).toHaveLength(1);
    });
    expect(host.saves[0]?.value.benefits[0]?.realised).toEqual([
      {
        month: '2026-11',
        amount: 250,
        evidence: 'estimated',
        note: 'From the dashboard',
        evidenceLink: 'https://dashboards.example.com/nov',
      },
    ]);
  }, 20_000);

  it('shows “Verified” disabled with the reason to someone outside the verifier group', async () => {
    serveHost(viewOf({ value: valueWith({ ...uplift, realised: [] }), canVerify: false }));
    const { realised } = await addRealisedMonthToUplift();

    const evidence = within(realised).getByRole('combobox', {
      name: 'Realised benefit: evidence for Nov 2026',
    });
    expect(within(evidence).getByRole('option', { name: 'Verified' })).toBeDisabled();
    expect(within(evidence).getByRole('option', { name: 'Measured' })).toBeEnabled();
    expect(evidence).toHaveAccessibleDescription(
      '“Verified” cannot be chosen here. Only members of the verifier group chosen on the admin page can verify.',
    );
  });

  it('puts the server’s refusal of a verified grade next to that entry’s evidence', async () => {
    const host = serveHost(viewOf({ value: valueWith({ ...uplift, realised: [] }) }));
    const message =
      'only Jira administrators can mark realised benefit verified; choose measured or estimated';
    host.answerSave = () => ({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Some realised benefit cannot be marked verified by you.',
        fields: [{ path: 'value.benefits[0].realised[0].evidence', message }],
      },
    });
    const { user, realised } = await addRealisedMonthToUplift();
    await user.type(
      within(realised).getByRole('textbox', { name: 'Realised benefit: amount for Nov 2026' }),
      '250',
    );
    const evidence = within(realised).getByRole('combobox', {
      name: 'Realised benefit: evidence for Nov 2026',
    });
    await user.selectOptions(evidence, 'Verified');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(evidence).toHaveAccessibleDescription(message);
    });
    expect(evidence).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      `“Conversion uplift”, realised Nov 2026: evidence – ${message}`,
    );
  }, 20_000);

  it('offers “Verified” to a verifier, with no reason shown', async () => {
    serveHost(viewOf({ value: valueWith({ ...uplift, realised: [] }), canVerify: true }));
    const { card, realised } = await addRealisedMonthToUplift();

    const evidence = within(realised).getByRole('combobox', {
      name: 'Realised benefit: evidence for Nov 2026',
    });
    expect(within(evidence).getByRole('option', { name: 'Verified' })).toBeEnabled();
    expect(within(card).queryByText(/can verify/)).not.toBeInTheDocument();
  });
});

describe('EpicPanel dis-benefits', () => {
  it('lists dis-benefits apart from benefits, with their amounts as negative effects and the net', async () => {
    serveHost(viewOf({ value: valueWith(uplift, migrationLoss) }));
    await renderPanel();

    const benefits = region('Benefits');
    const disBenefits = region('Dis-benefits');
    expect(within(benefits).getByRole('button', { name: 'Conversion uplift' })).toBeInTheDocument();
    expect(
      within(benefits).queryByRole('button', { name: 'Sales lost in the migration' }),
    ).not.toBeInTheDocument();
    const loss = within(disBenefits).getByRole('region', { name: 'Sales lost in the migration' });
    expect(loss).toHaveTextContent('−€300.00 planned · −€100.00 realised');
    expect(within(loss).getByText('Dis-benefit')).toBeInTheDocument();
    const net = within(disBenefits).getByText('Net planned benefit').closest('dl');
    expect(net).toHaveTextContent('Net planned benefit€700.00 (€1,000.00 benefits, −€300.00 dis-benefits)');
    expect(net).toHaveTextContent('Net realised benefit€300.00 (€400.00 benefits, −€100.00 dis-benefits)');
  });

  it('offers “Dis-benefit” as a kind, and moves a benefit made a dis-benefit to its list, keeping the focus', async () => {
    serveHost(viewOf({ value: valueWith(uplift) }));
    const user = userEvent.setup();
    await renderPanel();
    const card = await openCard('Conversion uplift');

    await user.selectOptions(within(card).getByRole('combobox', { name: 'Kind' }), 'Dis-benefit');

    const moved = within(region('Dis-benefits')).getByRole('region', { name: 'Conversion uplift' });
    await waitFor(() => {
      expect(within(moved).getByRole('combobox', { name: 'Kind' })).toHaveFocus();
    });
    expect(within(region('Benefits')).getByText('No benefits recorded yet.')).toBeInTheDocument();
    expect(within(moved).getByRole('group', { name: 'Planned dis-benefit' })).toHaveTextContent(
      '−€1,000.00 total',
    );
  });

  it('adds a dis-benefit under Dis-benefits and saves it with its kind', async () => {
    const host = serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Add dis-benefit' }));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Extra support calls');
    const card = within(region('Dis-benefits')).getByRole('region', { name: 'Extra support calls' });
    expect(within(card).getByRole('combobox', { name: 'Kind' })).toHaveValue('dis_benefit');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(host.saves).toHaveLength(1);
    });
    expect(host.saves[0]?.value.benefits).toEqual([
      {
        id: expect.any(String) as string,
        kind: 'dis_benefit',
        title: 'Extra support calls',
        planned: [],
        realised: [],
      },
    ]);
  });

  it('shows the server’s realised dis-benefit in the summary, beside the net realised benefit', async () => {
    serveHost(
      viewOf({
        value: valueWith(uplift, migrationLoss),
        kpis: { ...EMPTY_KPIS, realisedBenefit: 300, disBenefitRealised: 100 },
      }),
    );
    await renderPanel();

    const term = screen.getByText('Dis-benefit realised');
    expect(term.nextElementSibling).toHaveTextContent('−€100.00');
    expect(screen.getByText('Realised benefit', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '€300.00',
    );
  });
});
