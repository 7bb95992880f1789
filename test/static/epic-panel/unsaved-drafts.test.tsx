import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EMPTY_VALUE, renderPanel, serveHost, viewOf } from './panel-fixtures';

const probability = () => screen.getByRole('textbox', { name: 'Chance that the planned benefits arrive' });

/** Types an edit, then closes the panel as Jira does on navigation: the iframe just goes. */
async function editAndClose(): Promise<void> {
  const user = userEvent.setup();
  await renderPanel();
  await user.clear(probability());
  await user.type(probability(), '42');
  await waitFor(() => {
    expect(localStorage.length).toBe(1);
  });
  cleanup();
}

describe('EpicPanel unsaved edits', () => {
  it('offers edits back that were never saved when the panel closed', async () => {
    serveHost(viewOf({ revision: 4 }));
    await editAndClose();
    const user = userEvent.setup();

    await renderPanel();

    const offer = screen.getByRole('region', { name: /^You have unsaved changes from / });
    expect(probability()).toHaveValue('100');
    await user.click(within(offer).getByRole('button', { name: 'Restore my changes' }));
    expect(probability()).toHaveValue('42');
    expect(screen.queryByRole('region', { name: /^You have unsaved changes/ })).not.toBeInTheDocument();
    expect(screen.getByText('Unsaved changes', { selector: '.save-status' })).toBeInTheDocument();
  });

  it('puts kept edits on top of a version saved since', async () => {
    const host = serveHost(viewOf({ revision: 4 }));
    await editAndClose();
    const newer = viewOf({
      revision: 5,
      value: {
        ...EMPTY_VALUE,
        benefits: [{ id: 'b9', kind: 'customer', title: 'Fewer support calls', planned: [], realised: [] }],
      },
    });
    host.answerGet = () => ({ ok: true, data: newer });
    const user = userEvent.setup();
    await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Restore my changes' }));

    expect(probability()).toHaveValue('42');
    expect(screen.getByRole('button', { name: 'Fewer support calls' })).toBeInTheDocument();
    expect(
      screen.getByText('Your earlier changes are back, on top of the version saved since.'),
    ).toBeInTheDocument();
  });

  it('forgets kept edits the user discards', async () => {
    serveHost(viewOf());
    await editAndClose();
    const user = userEvent.setup();
    await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Discard them' }));

    expect(probability()).toHaveValue('100');
    expect(localStorage.length).toBe(0);
  });

  it('forgets kept edits once they are saved', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();
    await user.clear(probability());
    await user.type(probability(), '42');
    await waitFor(() => {
      expect(localStorage.length).toBe(1);
    });

    await user.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('Saved. The summary now includes your changes.');
    await waitFor(() => {
      expect(localStorage.length).toBe(0);
    });
  });
});
