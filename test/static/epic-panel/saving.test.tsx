import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import type { EpicValueView } from '../../../src/contract/panel.contract';
import { EMPTY_KPIS, EMPTY_VALUE, renderPanel, serveHost, viewOf } from './panel-fixtures';

const saved: EpicValueDocument = {
  ...EMPTY_VALUE,
  successProbability: 0.8,
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Conversion uplift',
      planned: [{ month: '2026-10', amount: 1000 }],
      realised: [],
    },
  ],
};

const probability = () => screen.getByRole('textbox', { name: 'Chance that the planned benefits arrive' });

describe('EpicPanel saving', () => {
  it('saves against the revision it started from and shows the recomputed figures', async () => {
    const host = serveHost(
      viewOf({ revision: 2, value: saved, kpis: { ...EMPTY_KPIS, plannedBenefit: 1000 } }),
    );
    const answer = host.answerSave;
    host.answerSave = (call) => {
      const result = answer(call);
      return result.ok
        ? { ok: true, data: { ...result.data, kpis: { ...EMPTY_KPIS, plannedBenefit: 3500 } } }
        : result;
    };
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Conversion uplift' }));
    const amount = screen.getByRole('textbox', { name: 'Planned benefit: amount for Oct 2026' });
    await user.clear(amount);
    await user.type(amount, '3500');

    expect(screen.getByText('Unsaved changes', { selector: '.save-status' })).toBeInTheDocument();
    expect(screen.getByText(/^As saved: your unsaved changes are not included/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('Saved. The summary now includes your changes.');
    expect(host.saves).toEqual([
      {
        issueKey: 'CHK-1',
        baseRevision: 2,
        value: {
          ...saved,
          benefits: [{ ...saved.benefits[0], planned: [{ month: '2026-10', amount: 3500 }] }],
          ranges: { benefits: [], costOverrun: null },
        },
      },
    ]);
    expect(screen.getByText('Planned benefit', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '€3,500.00',
    );
    expect(screen.getByText(/^Updated from your save/)).toBeInTheDocument();
    expect(screen.getByText('No unsaved changes')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Planned benefit: amount for Oct 2026' })).toHaveValue(
      '3,500.00',
    );
  });

  it('saves with Ctrl+S from anywhere in the form', async () => {
    const host = serveHost(viewOf({ value: saved }));
    const user = userEvent.setup();
    await renderPanel();

    await user.clear(probability());
    await user.type(probability(), '55{Control>}s{/Control}');

    await waitFor(() => {
      expect(host.saves.map((call) => call.value.successProbability)).toEqual([0.55]);
    });
  });

  it('does not save a form with problems: it lists them and takes the user to each', async () => {
    const host = serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Add benefit' }));
    await user.click(screen.getByRole('button', { name: 'Untitled benefit' }));

    await user.click(screen.getByRole('button', { name: 'Save' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Fix 1 problem before saving');
    expect(host.saves).toEqual([]);
    await user.click(within(summary).getByRole('button', { name: 'Benefit 1: title' }));
    await waitFor(() => {
      expect(screen.getByRole('textbox', { name: 'Title' })).toHaveFocus();
    });
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription('Enter a title.');
  });

  it('puts the server’s field errors next to the fields they are about', async () => {
    const host = serveHost(viewOf({ value: saved }));
    host.answerSave = () => ({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'Some fields are not valid.',
        fields: [
          { path: 'value.benefits[0].planned[0].amount', message: 'must have at most 0 decimals in JPY' },
        ],
      },
    });
    const user = userEvent.setup();
    await renderPanel();
    await user.clear(probability());
    await user.type(probability(), '90');

    await user.click(screen.getByRole('button', { name: 'Save' }));

    const amount = await screen.findByRole('textbox', { name: 'Planned benefit: amount for Oct 2026' });
    expect(amount).toHaveAccessibleDescription('must have at most 0 decimals in JPY');
    expect(screen.getByRole('alert')).toHaveTextContent(
      '“Conversion uplift”, planned Oct 2026: amount – must have at most 0 decimals in JPY',
    );
    await user.clear(amount);
    await user.type(amount, '1000');
    expect(amount).not.toHaveAttribute('aria-invalid');
  });

  it('says the save stored only part of its writes and offers a reload when the answer is SAVE_INCOMPLETE', async () => {
    const host = serveHost(viewOf({ value: saved }));
    host.answerSave = () => ({
      ok: false,
      error: {
        code: 'SAVE_INCOMPLETE',
        message:
          'Your change to CHK-1 was saved on the epic and in its history, but the portfolio totals could not be brought up to date. Reload the panel to see what is stored.',
      },
    });
    const user = userEvent.setup();
    await renderPanel();
    await user.clear(probability());
    await user.type(probability(), '90');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Saved in part. Your change to CHK-1 was saved on the epic');
    expect(alert).not.toHaveTextContent('save again');
    host.answerGet = () => ({ ok: true, data: viewOf({ value: saved, revision: 2 }) });
    await user.click(within(alert).getByRole('button', { name: 'Reload the value' }));

    expect(await screen.findByRole('tab', { name: 'Value' })).toBeInTheDocument();
  });

  it('keeps the edits and says so when the save fails', async () => {
    const host = serveHost(viewOf({ value: saved }));
    host.answerSave = () => ({
      ok: false,
      error: {
        code: 'UPSTREAM',
        message: 'Jira did not answer. Nothing was changed; try again in a moment.',
      },
    });
    const user = userEvent.setup();
    await renderPanel();
    await user.clear(probability());
    await user.type(probability(), '90');

    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not saved. Jira did not answer. Nothing was changed; try again in a moment. Your changes are still here; save again when ready.',
    );
    expect(probability()).toHaveValue('90');
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  describe('when someone else saved meanwhile', () => {
    const theirs: EpicValueView = viewOf({
      revision: 3,
      updatedAt: '2026-11-23T10:40:00.000Z',
      updatedBy: 'acc-priya',
      value: {
        ...saved,
        benefits: [
          ...saved.benefits,
          {
            id: 'b2',
            kind: 'strategic',
            title: 'Platform',
            planned: [{ month: '2027-01', amount: 500 }],
            realised: [],
          },
        ],
      },
      kpis: { ...EMPTY_KPIS, plannedBenefit: 1500 },
    });

    function serveConflict() {
      const host = serveHost(viewOf({ revision: 2, value: saved }));
      const accept = host.answerSave;
      host.answerSave = (call) =>
        call.baseRevision === 3
          ? accept(call)
          : {
              ok: false,
              error: {
                code: 'CONFLICT',
                message: 'Another user saved CHK-1 while you were editing.',
                details: { current: theirs },
              },
            };
      host.history = [
        {
          entries: [
            {
              revision: 3,
              at: '2026-11-23T10:40:00.000Z',
              by: 'acc-priya',
              changes: [
                { kind: 'benefit_added', benefit: 'Platform', benefitKind: 'strategic' },
                { kind: 'benefit_planned', benefit: 'Platform', before: 0, after: 500 },
              ],
            },
          ],
          nextCursor: null,
          objectiveNames: {},
        },
      ];
      return host;
    }

    it('shows who saved what, and re-applies the user’s edits on their version', async () => {
      const host = serveConflict();
      const user = userEvent.setup();
      await renderPanel();
      await user.clear(probability());
      await user.type(probability(), '60');

      await user.click(screen.getByRole('button', { name: 'Save' }));

      const notice = await screen.findByRole('alert');
      await within(notice).findByRole('heading', {
        name: 'Priya Natarajan saved CHK-1 while you were editing',
      });
      expect(await within(notice).findByText('Added the strategic benefit “Platform”')).toBeInTheDocument();
      expect(within(notice).getByText('Planned €500.00 of benefit for “Platform”')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();

      await user.click(within(notice).getByRole('button', { name: 'Re-apply my changes to their version' }));

      expect(screen.getByRole('button', { name: 'Platform' })).toBeInTheDocument();
      expect(probability()).toHaveValue('60');
      expect(
        screen.getByText('Your changes are now on top of Priya Natarajan’s version.'),
      ).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Save' }));

      await screen.findByText('Saved. The summary now includes your changes.');
      expect(host.saves.map((call) => call.baseRevision)).toEqual([2, 3]);
      expect(host.saves[1]?.value.successProbability).toBe(0.6);
      expect(host.saves[1]?.value.benefits.map((benefit) => benefit.title)).toEqual([
        'Conversion uplift',
        'Platform',
      ]);
    });

    it('takes their version on request, and brings the user’s edits back with undo', async () => {
      serveConflict();
      const user = userEvent.setup();
      await renderPanel();
      await user.clear(probability());
      await user.type(probability(), '60');
      await user.click(screen.getByRole('button', { name: 'Save' }));
      const notice = await screen.findByRole('alert');

      await user.click(within(notice).getByRole('button', { name: 'Use their version, discard mine' }));

      expect(probability()).toHaveValue('80');
      expect(screen.getByRole('button', { name: 'Platform' })).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Undo' }));
      expect(probability()).toHaveValue('60');
      expect(screen.getByRole('button', { name: 'Platform' })).toBeInTheDocument();
    });
  });

  it('discards changes on request, with undo', async () => {
    serveHost(viewOf({ value: saved }));
    const user = userEvent.setup();
    await renderPanel();
    await user.clear(probability());
    await user.type(probability(), '42');

    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(probability()).toHaveValue('80');
    expect(await screen.findByText('Changes discarded. Undo brings them back.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(probability()).toHaveValue('42');
  });

  it('asks the browser to warn before leaving while there are unsaved changes', async () => {
    serveHost(viewOf({ value: saved }));
    const user = userEvent.setup();
    await renderPanel();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);

    await user.type(probability(), '5');
    expect(leave()).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(leave()).toBe(false);
  });
});
