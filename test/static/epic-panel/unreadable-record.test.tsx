import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EpicPanel } from '../../../static/src/features/epic-panel/epic-panel';
import type { UnreadableRecord } from '../../../src/contract/panel.contract';
import { serveHost, viewOf } from './panel-fixtures';

const unreadable = (canEdit: boolean): UnreadableRecord => ({
  issueKey: 'CHK-1',
  reason: 'The value record is damaged at record.c.p.1: Too big: expected array to have <=1200 items.',
  fingerprint: '812-abc123',
  revision: 4,
  canEdit,
});

function serveUnreadable(canEdit: boolean) {
  const host = serveHost(viewOf());
  host.answerGet = () => ({
    ok: false,
    error: {
      code: 'UNREADABLE_RECORD',
      message: 'The value record stored on CHK-1 cannot be read.',
      details: unreadable(canEdit),
    },
  });
  return host;
}

describe('EpicPanel with an unreadable stored record', () => {
  it('says what is wrong and overwrites it only after the user confirms, with the keyboard', async () => {
    const host = serveUnreadable(true);
    const user = userEvent.setup();
    render(<EpicPanel />);

    const notice = await screen.findByRole('region', { name: /cannot be read/ });
    expect(notice).toHaveTextContent('damaged at record.c.p.1');
    within(notice).getByRole('button', { name: 'Overwrite with a new record…' }).focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('alertdialog', { name: /Overwrite the unreadable record on CHK-1/ });
    expect(dialog).toHaveFocus();
    expect(dialog).toHaveAccessibleDescription(/replaced by a new, empty value record/);
    expect(host.saves).toEqual([]);
    // The safe choice comes first: Tab reaches Cancel, then Overwrite it.
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Overwrite it' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('tab', { name: 'Value' })).toBeInTheDocument();
    expect(host.saves).toEqual([
      expect.objectContaining({
        issueKey: 'CHK-1',
        baseRevision: 4,
        overwriteUnreadable: { fingerprint: '812-abc123' },
      }),
    ]);
  });

  it('writes nothing when the user cancels the confirmation with Escape', async () => {
    const host = serveUnreadable(true);
    const user = userEvent.setup();
    render(<EpicPanel />);

    await user.click(await screen.findByRole('button', { name: 'Overwrite with a new record…' }));
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    // The focus goes back to the button that opened the dialog.
    expect(screen.getByRole('button', { name: 'Overwrite with a new record…' })).toHaveFocus();
    expect(host.saves).toEqual([]);
  });

  it('offers no overwrite to a user without Edit and says why', async () => {
    serveUnreadable(false);
    render(<EpicPanel />);

    const notice = await screen.findByRole('region', { name: /cannot be read/ });
    expect(notice).toHaveTextContent('You need the Edit issues permission on CHK-1');
    expect(within(notice).queryByRole('button')).not.toBeInTheDocument();
  });
});
