import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import { EMPTY_VALUE, renderPanel, serveHost, viewOf } from './panel-fixtures';

const saved: EpicValueDocument = { ...EMPTY_VALUE, successProbability: 0.8 };

const probability = () => screen.getByRole('textbox', { name: 'Chance that the planned benefits arrive' });
const saveBar = () => screen.getByRole('region', { name: 'Save your changes' });

async function editProbability(user: ReturnType<typeof userEvent.setup>) {
  await user.clear(probability());
  await user.type(probability(), '90');
}

describe('the panel’s save bar', () => {
  it('says there is nothing to save, then that there are unsaved changes', async () => {
    serveHost(viewOf({ value: saved }));
    const user = userEvent.setup();
    await renderPanel();
    expect(within(saveBar()).getByText('No unsaved changes')).toBeVisible();

    await editProbability(user);

    expect(within(saveBar()).getByText('Unsaved changes')).toBeVisible();
    expect(within(saveBar()).getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('shows that it is saving, then a visible confirmation once saved', async () => {
    const host = serveHost(viewOf({ value: saved }));
    let release: () => void = () => undefined;
    const user = userEvent.setup();
    await renderPanel();
    await editProbability(user);
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const bridge = host.answerSave;
    // The fake host answers through a promise like the real bridge, so an answer may arrive later.
    const later = (call: Parameters<typeof bridge>[0]) => gate.then(() => bridge(call));
    host.answerSave = later as unknown as typeof bridge;

    await user.click(within(saveBar()).getByRole('button', { name: 'Save' }));
    expect(within(saveBar()).getByRole('button', { name: 'Saving…' })).toHaveAttribute('aria-busy', 'true');
    expect(within(saveBar()).getByText('Saving your changes…')).toBeVisible();
    release();

    expect(await within(saveBar()).findByText('Saved')).toBeVisible();
    expect(within(saveBar()).getByText('Saved')).toHaveClass('vl-lozenge--success');
  });

  it('puts a failed save’s error in the bar, next to the Save button', async () => {
    const host = serveHost(viewOf({ value: saved }));
    host.answerSave = () => ({ ok: false, error: { code: 'UPSTREAM', message: 'Jira did not answer.' } });
    const user = userEvent.setup();
    await renderPanel();
    await editProbability(user);

    await user.click(within(saveBar()).getByRole('button', { name: 'Save' }));

    const alert = await within(saveBar()).findByRole('alert');
    expect(alert).toHaveTextContent('Not saved. Jira did not answer.');
    expect(within(saveBar()).getByText('Not saved', { selector: '.vl-lozenge' })).toBeVisible();
    expect(within(saveBar()).getByText('Unsaved changes')).toBeVisible();
  });
});
