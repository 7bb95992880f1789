import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Envelope, ErrorCode } from '../../../src/contract/envelope';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import type { EpicReviewsView } from '../../../src/contract/review.contract';
import { formatDueDate } from '../../../static/src/features/epic-panel/reviews-section';
import { EMPTY_VALUE, renderPanel, serveHost, viewOf } from './panel-fixtures';

const value: EpicValueDocument = {
  ...EMPTY_VALUE,
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Conversion uplift',
      planned: [{ month: '2026-10', amount: 1000 }],
      realised: [],
    },
    {
      id: 'd1',
      kind: 'dis_benefit',
      title: 'Sales lost in the migration',
      planned: [{ month: '2026-10', amount: 250 }],
      realised: [],
    },
  ],
};

const reviews: EpicReviewsView = {
  issueKey: 'CHK-1',
  doneAt: '2026-02-10T12:00:00.000Z',
  timeZone: 'Europe/Berlin',
  reviews: [
    {
      offsetMonths: 3,
      dueDate: '2026-05-10',
      state: 'closed',
      notified: { at: '2026-05-10T06:00:00.000Z', commentId: '100', owners: ['acc-priya'] },
      closed: { at: '2026-05-20T09:00:00.000Z', by: 'acc-priya', note: 'On plan', realisedEntries: 2 },
    },
    {
      offsetMonths: 6,
      dueDate: '2026-08-10',
      state: 'overdue',
      notified: { at: '2026-08-10T06:00:00.000Z', commentId: '101', owners: ['acc-priya'] },
      closed: null,
    },
    { offsetMonths: 12, dueDate: '2027-02-10', state: 'upcoming', notified: null, closed: null },
  ],
};

const section = () => screen.getByRole('region', { name: 'Benefit reviews' });
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
const doneEpic = (overrides: Parameters<typeof viewOf>[0] = {}) =>
  viewOf({
    revision: 5,
    value,
    epic: { ...viewOf().epic, status: 'done' },
    ...overrides,
  });

type User = ReturnType<typeof userEvent.setup>;

/** Serves a done epic with the review schedule above, renders the panel, and returns the host and a user. */
async function showReviews(overrides: Parameters<typeof viewOf>[0] = {}) {
  const host = serveHost(doneEpic(overrides));
  host.reviews = reviews;
  const user = userEvent.setup();
  await renderPanel();
  return { host, user };
}

/** Types an amount into the close dialog's first actual. */
async function enterAmount(user: User, dialog: HTMLElement, amount: string): Promise<void> {
  await user.type(within(dialog).getByRole('textbox', { name: 'Amount (EUR) for actual 1' }), amount);
}

/** Opens the 6-month review's close dialog and adds one actual row; returns the dialog. */
async function openCloseDialogWithAnActual(user: User): Promise<HTMLElement> {
  await user.click(await within(section()).findByRole('button', { name: 'Close the 6-month review' }));
  const dialog = screen.getByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Add an actual' }));
  return dialog;
}

/** The server refusing a close, naming one field. */
const refusal =
  (code: ErrorCode, message: string, field: { path: string; message: string }) =>
  (): Envelope<EpicReviewsView> => ({ ok: false, error: { code, message, fields: [field] } });

describe('formatDueDate', () => {
  it('returns the calendar day as written, whatever the viewer’s time zone', () => {
    // May 1 built in the viewer's own zone reads as May 1 there; the due date must read the same.
    expect(formatDueDate('2026-05-01')).toBe(
      new Date(2026, 4, 1).toLocaleDateString(undefined, { dateStyle: 'medium' }),
    );
  });
});

describe('EpicPanel benefit reviews', () => {
  it('says reviews start at Done when the epic is not Done', async () => {
    serveHost(viewOf({ value }));
    await renderPanel();

    expect(
      await within(section()).findByText(
        'Reviews start when the epic is Done, at the offsets the admin sets.',
      ),
    ).toBeInTheDocument();
    expect(within(section()).queryByRole('listitem')).not.toBeInTheDocument();
  });

  it('lists each review with its due date, state, notice and closure', async () => {
    const host = serveHost(doneEpic());
    host.reviews = reviews;
    await renderPanel();

    const items = await within(section()).findAllByRole('listitem');
    expect(items).toHaveLength(3);
    const [closed, overdue, upcoming] = items as [HTMLElement, HTMLElement, HTMLElement];
    expect(closed).toHaveTextContent(`3-month reviewDue ${formatDueDate('2026-05-10')}Closed`);
    await waitFor(() => {
      expect(closed).toHaveTextContent(
        `Closed by Priya Natarajan on ${day('2026-05-20T09:00:00.000Z')}, 2 actuals recorded: On plan`,
      );
    });
    expect(closed).toHaveTextContent(`Owners told on ${day('2026-05-10T06:00:00.000Z')} (Priya Natarajan).`);
    expect(within(closed).queryByRole('button')).not.toBeInTheDocument();
    expect(overdue).toHaveTextContent(`6-month reviewDue ${formatDueDate('2026-08-10')}Overdue`);
    expect(within(overdue).getByRole('button', { name: 'Close the 6-month review' })).toBeEnabled();
    expect(upcoming).toHaveTextContent(`12-month reviewDue ${formatDueDate('2027-02-10')}Upcoming`);
    expect(upcoming).not.toHaveTextContent('Owners told');
    expect(within(upcoming).queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers no close to a viewer who cannot edit the epic', async () => {
    const host = serveHost(doneEpic({ canEdit: false, readOnlyReason: 'no-permission' }));
    host.reviews = reviews;
    await renderPanel();

    await within(section()).findAllByRole('listitem');
    expect(within(section()).queryByRole('button', { name: /Close the/ })).not.toBeInTheDocument();
  });

  it('closes a due review with its actuals and note, then loads the value and reviews again', async () => {
    const { host, user } = await showReviews();

    await user.click(await within(section()).findByRole('button', { name: 'Close the 6-month review' }));
    const dialog = screen.getByRole('dialog', { name: 'Close the 6-month review' });
    await user.click(within(dialog).getByRole('button', { name: 'Add an actual' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add an actual' }));
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Benefit for actual 2' }),
      'Sales lost in the migration (dis-benefit)',
    );
    const month1 = within(dialog).getByRole('textbox', { name: 'Month for actual 1' });
    await user.clear(month1);
    await user.type(month1, '2026-08');
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount (EUR) for actual 1' }), '1,200.50');
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Evidence for actual 1' }),
      'Verified',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Note for actual 1' }), 'Finance report Q3');
    await user.click(within(dialog).getByRole('textbox', { name: 'Evidence link for actual 1' }));
    await user.paste(' https://finance.example.com/reports/q3 ');
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount (EUR) for actual 2' }), '80');
    await user.type(within(dialog).getByRole('textbox', { name: /What the review found/ }), 'Ahead of plan');
    const loadsBefore = host.valueLoads;
    await user.click(within(dialog).getByRole('button', { name: 'Close review' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(host.closes).toEqual([
      {
        issueKey: 'CHK-1',
        offsetMonths: 6,
        baseRevision: 5,
        actuals: [
          {
            benefitId: 'b1',
            month: '2026-08',
            amount: 1200.5,
            evidence: 'verified',
            note: 'Finance report Q3',
            evidenceLink: 'https://finance.example.com/reports/q3',
          },
          { benefitId: 'd1', month: '2026-11', amount: 80, evidence: 'measured' },
        ],
        note: 'Ahead of plan',
      },
    ]);
    const overdue = within(section()).getAllByRole('listitem')[1];
    expect(overdue).toHaveTextContent(`6-month reviewDue ${formatDueDate('2026-08-10')}Closed`);
    await waitFor(() => {
      expect(overdue).toHaveTextContent(
        `Closed by Sam Okafor on ${day('2026-11-24T09:00:00.000Z')}, 2 actuals recorded: Ahead of plan`,
      );
    });
    expect(within(section()).queryByRole('button', { name: /Close the/ })).not.toBeInTheDocument();
    await waitFor(() => {
      expect(host.valueLoads).toBe(loadsBefore + 1);
    });
    // The next save starts from the revision the close wrote.
    const probability = screen.getByRole('textbox', { name: 'Chance that the planned benefits arrive' });
    await user.clear(probability);
    await user.type(probability, '90');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(host.saves).toHaveLength(1);
    });
    expect(host.saves[0]?.baseRevision).toBe(6);
  }, 20_000);

  it('offers "Verified" only to verifiers, and says who may', async () => {
    const { user } = await showReviews({ canVerify: false });

    const dialog = await openCloseDialogWithAnActual(user);
    const evidence = within(dialog).getByRole('combobox', { name: 'Evidence for actual 1' });
    expect(within(evidence).getByRole('option', { name: 'Verified' })).toBeDisabled();
    expect(evidence).toHaveAccessibleDescription(
      'Only members of the verifier group chosen on the admin page can verify.',
    );
  });

  it('shows the server’s refusal, with the field it names next to that field', async () => {
    const { host, user } = await showReviews();
    host.answerClose = refusal('FORBIDDEN', 'Only members of Finance can verify realised benefit.', {
      path: 'actuals[0].evidence',
      message: 'only Finance may grade an entry Verified',
    });

    const dialog = await openCloseDialogWithAnActual(user);
    await enterAmount(user, dialog, '500');
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Evidence for actual 1' }),
      'Verified',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Close review' }));

    const evidence = within(dialog).getByRole('combobox', { name: 'Evidence for actual 1' });
    await waitFor(() => {
      expect(evidence).toHaveAccessibleDescription('only Finance may grade an entry Verified');
    });
    expect(evidence).toBeInvalid();
    expect(evidence).toHaveFocus();
    expect(dialog).toHaveTextContent('Only members of Finance can verify realised benefit.');
    expect(within(section()).getAllByRole('listitem')[1]).toHaveTextContent('Overdue');
  });

  it('names a missing amount next to its field and sends nothing', async () => {
    const { host, user } = await showReviews();

    const dialog = await openCloseDialogWithAnActual(user);
    await user.click(within(dialog).getByRole('button', { name: 'Close review' }));

    expect(
      within(dialog).getByRole('textbox', { name: 'Amount (EUR) for actual 1' }),
    ).toHaveAccessibleDescription('Enter the amount measured.');
    expect(host.closes).toEqual([]);
  });

  it('refuses an evidence link that is not https next to its field, focuses it, and sends nothing', async () => {
    const { host, user } = await showReviews();

    const dialog = await openCloseDialogWithAnActual(user);
    await enterAmount(user, dialog, '500');
    const link = within(dialog).getByRole('textbox', { name: 'Evidence link for actual 1' });
    await user.click(link);
    await user.paste('http://finance.example.com/reports/q3');
    await user.click(within(dialog).getByRole('button', { name: 'Close review' }));

    await waitFor(() => {
      expect(link).toHaveFocus();
    });
    expect(link).toHaveAccessibleDescription(
      'Enter a link that starts with https://, such as https://example.com/report.',
    );
    expect(link).toBeInvalid();
    expect(host.closes).toEqual([]);
  });

  it('shows the server’s refusal of an evidence link next to that field', async () => {
    const { host, user } = await showReviews();
    host.answerClose = refusal('BAD_REQUEST', 'Some fields are not valid.', {
      path: 'actuals[0].evidenceLink',
      message: 'must be an https:// link',
    });

    const dialog = await openCloseDialogWithAnActual(user);
    await enterAmount(user, dialog, '500');
    const link = within(dialog).getByRole('textbox', { name: 'Evidence link for actual 1' });
    await user.click(link);
    await user.paste('https://finance.example.com/q3');
    await user.click(within(dialog).getByRole('button', { name: 'Close review' }));

    await waitFor(() => {
      expect(link).toHaveAccessibleDescription('must be an https:// link');
    });
    expect(link).toHaveFocus();
    expect(host.closes[0]?.actuals[0]?.evidenceLink).toBe('https://finance.example.com/q3');
  });

  it('waits for unsaved edits to be saved before closing, and says why', async () => {
    const { user } = await showReviews();
    const close = await within(section()).findByRole('button', { name: 'Close the 6-month review' });

    await user.type(screen.getByRole('textbox', { name: 'Chance that the planned benefits arrive' }), '0');

    expect(close).toBeDisabled();
    expect(close).toHaveAccessibleDescription(
      'Save your changes first: the actuals are saved with the value.',
    );
  });
});
