import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import { EMPTY_VALUE, renderPanel, serveHost, viewOf } from './panel-fixtures';

const uplift: EpicValueDocument['benefits'][number] = {
  id: 'b1',
  kind: 'revenue',
  title: 'Conversion uplift',
  planned: [{ month: '2026-10', amount: 1000 }],
  realised: [{ month: '2026-10', amount: 400, evidence: 'measured' }],
};
const value: EpicValueDocument = { ...EMPTY_VALUE, benefits: [uplift] };

async function openCard(title: string): Promise<HTMLElement> {
  await userEvent.setup().click(screen.getByRole('button', { name: title }));
  return screen.getByRole('region', { name: title });
}

describe('EpicPanel risk ranges', () => {
  it('shows the evidence default of a benefit without a range, as a default', async () => {
    serveHost(viewOf({ value }));
    await renderPanel();
    const card = await openCard('Conversion uplift');

    const range = within(card).getByRole('group', { name: 'Range' });
    expect(range).toHaveAccessibleDescription(
      /Not entered: the default for measured evidence applies, 70% \/ 100% \/ 115% of plan\./,
    );
    expect(within(range).getByRole('textbox', { name: 'Low' })).toHaveValue('');
    expect(within(range).getByRole('textbox', { name: 'Low' })).toHaveAttribute('placeholder', '70');
    expect(within(range).queryByRole('button', { name: 'Use the default range' })).not.toBeInTheDocument();
  });

  it('saves a range typed in amounts of the whole plan, and the cost overrun', async () => {
    const host = serveHost(viewOf({ value }));
    const user = userEvent.setup();
    await renderPanel();
    const card = await openCard('Conversion uplift');
    const range = within(card).getByRole('group', { name: 'Range' });

    await user.selectOptions(within(range).getByRole('combobox', { name: 'In' }), 'amount');
    expect(within(range).getByRole('textbox', { name: 'High' })).toHaveAttribute('placeholder', '1,150.00');
    await user.type(within(range).getByRole('textbox', { name: 'Low' }), '600');
    await user.type(within(range).getByRole('textbox', { name: 'Likely' }), '1000');
    await user.type(within(range).getByRole('textbox', { name: 'High' }), '1200');
    const overrun = screen.getByRole('region', { name: 'Cost overrun range' });
    await user.type(within(overrun).getByRole('textbox', { name: 'Low' }), '-5');
    await user.type(within(overrun).getByRole('textbox', { name: 'Likely' }), '10');
    await user.type(within(overrun).getByRole('textbox', { name: 'High' }), '60');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(host.saves).toHaveLength(1);
    });
    expect(host.saves[0]?.value.ranges).toEqual({
      benefits: [{ benefitId: 'b1', basis: 'amount', low: 600, likely: 1000, high: 1200 }],
      costOverrun: { low: -5, likely: 10, high: 60 },
    });
  });

  it('names a range out of order next to its field and saves nothing, then goes back to the default, with nothing left to save', async () => {
    const host = serveHost(viewOf({ value }));
    const user = userEvent.setup();
    await renderPanel();
    const card = await openCard('Conversion uplift');
    const range = within(card).getByRole('group', { name: 'Range' });

    await user.type(within(range).getByRole('textbox', { name: 'Low' }), '90');
    await user.type(within(range).getByRole('textbox', { name: 'Likely' }), '80');
    await user.type(within(range).getByRole('textbox', { name: 'High' }), '120');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(host.saves).toHaveLength(0);
    expect(within(range).getByRole('textbox', { name: 'Likely' })).toHaveAccessibleDescription(
      'Enter at least the low case: low ≤ likely ≤ high.',
    );
    await user.click(within(range).getByRole('button', { name: 'Use the default range' }));
    expect(within(range).getByRole('textbox', { name: 'Low' })).toHaveValue('');
    // Back to what was saved: nothing to save.
    expect(screen.getByText('No unsaved changes')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });
});
