import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBridge } from '../fake-bridge';
import { renderPanel, serveHost, viewOf } from './panel-fixtures';

describe('EpicPanel history', () => {
  it('lists who changed what and when, newest first, in words and in the site currency', async () => {
    const host = serveHost(viewOf({ revision: 2 }));
    host.history = [
      {
        entries: [
          {
            revision: 2,
            at: '2026-11-23T10:42:00.000Z',
            by: 'acc-sam',
            changes: [
              { kind: 'benefit_realised', benefit: 'Conversion uplift', before: 0, after: 1250.5 },
              { kind: 'objective_linked', objectiveId: 'OBJ-1', share: 0.6 },
              { kind: 'objective_unlinked', objectiveId: 'OBJ-OLD' },
            ],
          },
          {
            revision: 1,
            at: '2026-11-01T08:00:00.000Z',
            by: 'acc-gone',
            changes: [{ kind: 'benefit_added', benefit: 'Conversion uplift', benefitKind: 'revenue' }],
          },
        ],
        nextCursor: null,
        objectiveNames: { 'OBJ-OLD': 'Old goal' },
      },
    ];
    const user = userEvent.setup();
    await renderPanel();

    await user.click(screen.getByRole('tab', { name: 'History' }));

    const entries = await screen.findAllByRole('heading', { level: 3 });
    expect(entries.map((heading) => heading.textContent)).toEqual([
      expect.stringMatching(/^Sam Okafor .* · revision 2$/),
      expect.stringMatching(/^acc-gone .* · revision 1$/),
    ]);
    const panel = screen.getByRole('tabpanel');
    expect(
      within(panel).getByText('Recorded €1,250.50 realised for “Conversion uplift”'),
    ).toBeInTheDocument();
    expect(
      within(panel).getByText('Linked the objective Grow recurring revenue with a share of 60%'),
    ).toBeInTheDocument();
    expect(within(panel).getByText('Added the revenue benefit “Conversion uplift”')).toBeInTheDocument();
    // An archived objective is not among the panel's options; the history page names it.
    expect(within(panel).getByText('Unlinked the objective Old goal')).toBeInTheDocument();
    expect(panel.querySelector('time')).toHaveAttribute('dateTime', '2026-11-23T10:42:00.000Z');
  });

  it('names the people an owner change is about, not only who saved it', async () => {
    const host = serveHost(viewOf({ revision: 3 }));
    host.history = [
      {
        entries: [
          {
            revision: 3,
            at: '2026-11-23T10:42:00.000Z',
            by: 'acc-sam',
            changes: [
              { kind: 'benefit_owner', benefit: 'Conversion uplift', before: null, after: 'acc-priya' },
            ],
          },
        ],
        nextCursor: null,
        objectiveNames: {},
      },
    ];
    const user = userEvent.setup();
    await renderPanel();

    await user.click(screen.getByRole('tab', { name: 'History' }));

    expect(
      await within(screen.getByRole('tabpanel')).findByText(
        'Made Priya Natarajan the owner of “Conversion uplift”',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Saved without changes.')).not.toBeInTheDocument();
  });

  it('loads older changes a page at a time', async () => {
    const host = serveHost(viewOf({ revision: 2 }));
    host.history = [
      {
        entries: [
          {
            revision: 2,
            at: '2026-11-23T10:42:00.000Z',
            by: 'acc-sam',
            changes: [{ kind: 'cost_actual', before: 0, after: 10 }],
          },
        ],
        nextCursor: '1',
        objectiveNames: {},
      },
      {
        entries: [
          {
            revision: 1,
            at: '2026-11-01T08:00:00.000Z',
            by: 'acc-priya',
            changes: [{ kind: 'cost_planned', before: 0, after: 99 }],
          },
        ],
        nextCursor: null,
        objectiveNames: {},
      },
    ];
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('tab', { name: 'History' }));

    await user.click(await screen.findByRole('button', { name: 'Show older changes' }));

    expect(await screen.findByText('Set the cost budget to €99.00')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Priya Natarajan/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show older changes' })).not.toBeInTheDocument();
  });

  it('explains an empty history', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();

    await user.click(screen.getByRole('tab', { name: 'History' }));

    expect(await screen.findByText('No changes yet.')).toBeInTheDocument();
  });

  it('says when the history cannot be loaded, and tries again', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();
    const invoke = fakeBridge.handlers.get('invoke');
    fakeBridge.on('invoke', (raw) =>
      (raw as { functionKey: string }).functionKey === 'panel/get-history'
        ? { ok: false, error: { code: 'UPSTREAM', message: 'Storage is busy; try again.' } }
        : invoke?.(raw),
    );

    await user.click(screen.getByRole('tab', { name: 'History' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The history could not be loaded. Storage is busy; try again.');
    if (invoke) fakeBridge.on('invoke', invoke);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No changes yet.')).toBeInTheDocument();
  });
});
