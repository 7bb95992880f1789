import { screen, within } from '@testing-library/react';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import { EMPTY_VALUE, renderPanel, serveHost, viewOf } from './panel-fixtures';

const decision = {
  choice: 'delay_6',
  scenario: 'Budget cut 2027',
  by: 'acc-priya',
  at: '2026-12-06T04:00:00.000Z',
} as const;
const decided: EpicValueDocument = { ...EMPTY_VALUE, decision };
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
const note = () => screen.queryByRole('note', { name: 'Scenario decision' });

describe('EpicPanel scenario decision', () => {
  it('shows the applied decision in words, its scenario, who applied it and when, read-only', async () => {
    serveHost(viewOf({ revision: 4, value: decided }));
    await renderPanel();

    const shown = await screen.findByRole('note', { name: 'Scenario decision' });
    expect(within(shown).getByText('Delay 6 months')).toHaveClass('vl-lozenge--moved');
    expect(
      await within(shown).findByText(
        `from scenario “Budget cut 2027”, applied by Priya Natarajan on ${day('2026-12-06T04:00:00.000Z')}. The issue is not changed by it.`,
        { exact: false },
      ),
    ).toBeInTheDocument();
    expect(within(shown).queryByRole('button')).not.toBeInTheDocument();
    expect(within(shown).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('shows a stop decision as a removed lozenge', async () => {
    serveHost(viewOf({ revision: 4, value: { ...decided, decision: { ...decision, choice: 'stop' } } }));
    await renderPanel();

    const shown = await screen.findByRole('note', { name: 'Scenario decision' });
    expect(within(shown).getByText('Stop')).toHaveClass('vl-lozenge--removed');
  });

  it('shows no decision until a scenario is applied', async () => {
    serveHost(viewOf({ revision: 2, value: EMPTY_VALUE }));
    await renderPanel();

    await screen.findByRole('heading', { name: 'Summary' });
    expect(note()).not.toBeInTheDocument();
  });
});
