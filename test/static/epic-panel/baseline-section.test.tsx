import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import { baselineTotalsOf } from '../../../static/src/features/epic-panel/baseline-totals';
import { EMPTY_KPIS, EMPTY_VALUE, renderPanel, serveHost, viewOf } from './panel-fixtures';

const plan: EpicValueDocument = {
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
      planned: [{ month: '2026-10', amount: 250.5 }],
      realised: [],
    },
  ],
  costs: { planned: [{ month: '2026-09', amount: 400 }], actual: [] },
};

const approved: EpicValueDocument = {
  ...plan,
  baseline: {
    version: 1,
    approvedBy: 'acc-priya',
    approvedAt: '2026-11-03T09:15:00.000Z',
    successProbability: 1,
    benefits: [
      { id: 'b1', kind: 'revenue', planned: [{ month: '2026-10', amount: 900 }] },
      { id: 'd1', kind: 'dis_benefit', planned: [{ month: '2026-10', amount: 100 }] },
    ],
    plannedCost: [{ month: '2026-09', amount: 300 }],
  },
};

const section = () => screen.getByRole('region', { name: 'Approved baseline' });
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

describe('baselineTotalsOf', () => {
  it('returns the approved net benefit, dis-benefits subtracted, and the approved cost', () => {
    const baseline = approved.baseline;
    if (baseline === undefined) throw new Error('the fixture has a baseline');
    expect(baselineTotalsOf(baseline, 2)).toEqual({ benefit: 800, cost: 300 });
  });
});

describe('EpicPanel approved baseline', () => {
  it('shows who approved the baseline, when, the plan it froze, and realisation and drift against it', async () => {
    serveHost(
      viewOf({
        revision: 3,
        value: approved,
        kpis: { ...EMPTY_KPIS, baselineRealisationRate: 0.25, forecastDrift: -0.0631 },
      }),
    );
    await renderPanel();

    expect(
      await within(section()).findByText(
        `Version 1, approved by Priya Natarajan on ${day('2026-11-03T09:15:00.000Z')}.`,
      ),
    ).toBeInTheDocument();
    expect(section()).toHaveTextContent('Approved plan: €800.00 net benefit, €300.00 cost.');
    expect(section()).toHaveTextContent('Realisation against baseline: 25% · Forecast drift: −6.3%');
    expect(within(section()).queryByRole('button')).not.toBeInTheDocument();
  });

  it('lets an approver approve the saved plan, against the revision shown', async () => {
    const host = serveHost(viewOf({ revision: 3, value: plan, canApproveBaseline: true }));
    const user = userEvent.setup();
    await renderPanel();
    expect(section()).toHaveTextContent('The plan is not approved yet.');

    await user.click(within(section()).getByRole('button', { name: 'Approve the saved plan' }));

    expect(await within(section()).findByText(/^Version 1, approved by Sam Okafor on /)).toBeInTheDocument();
    expect(host.approvals).toEqual([{ issueKey: 'CHK-1', baseRevision: 3 }]);
    expect(section()).toHaveTextContent('Approved plan: €749.50 net benefit, €400.00 cost.');
    // The next save starts from the revision the approval wrote.
    const probability = screen.getByRole('textbox', { name: 'Chance that the planned benefits arrive' });
    await user.clear(probability);
    await user.type(probability, '90');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(host.saves).toHaveLength(1);
    });
    expect(host.saves[0]?.baseRevision).toBe(4);
  });

  it('asks an approver for a reason to approve again, next to the field, then sends it', async () => {
    const host = serveHost(viewOf({ revision: 3, value: approved, canApproveBaseline: true }));
    const user = userEvent.setup();
    await renderPanel();
    const approve = within(section()).getByRole('button', { name: 'Approve as version 2' });

    await user.click(approve);
    const reason = within(section()).getByRole('textbox', { name: /Why the plan is approved again/ });
    expect(reason).toHaveAccessibleDescription(
      expect.stringContaining(
        'Say why the plan is approved again; the earlier baseline is kept in the history.',
      ),
    );
    expect(host.approvals).toEqual([]);

    await user.type(reason, 'Scope cut after the pilot');
    await user.click(approve);

    expect(await within(section()).findByText('Reason: Scope cut after the pilot')).toBeInTheDocument();
    expect(host.approvals).toEqual([
      { issueKey: 'CHK-1', baseRevision: 3, reason: 'Scope cut after the pilot' },
    ]);
  });

  it('waits for unsaved edits to be saved, and says why', async () => {
    serveHost(viewOf({ revision: 3, value: plan, canApproveBaseline: true }));
    const user = userEvent.setup();
    await renderPanel();

    await user.type(screen.getByRole('textbox', { name: 'Chance that the planned benefits arrive' }), '0');

    const approve = within(section()).getByRole('button', { name: 'Approve the saved plan' });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription('Save your changes first: approval freezes the saved plan.');
  });

  it('shows the server’s refusal', async () => {
    const host = serveHost(viewOf({ revision: 3, value: plan, canApproveBaseline: true }));
    host.answerApprove = () => ({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'CHK-1’s plan changed since you were shown it, so it was not approved.',
      },
    });
    const user = userEvent.setup();
    await renderPanel();

    await user.click(within(section()).getByRole('button', { name: 'Approve the saved plan' }));

    expect(
      await within(section()).findByText(
        'CHK-1’s plan changed since you were shown it, so it was not approved.',
      ),
    ).toBeInTheDocument();
    expect(section()).toHaveTextContent('The plan is not approved yet.');
  });
});

describe('EpicPanel earlier baselines', () => {
  const version1 = approved.baseline;
  if (version1 === undefined) throw new Error('the fixture has a baseline');
  const version2 = {
    ...version1,
    version: 2,
    approvedBy: 'acc-sam',
    approvedAt: '2026-11-10T14:30:00.000Z',
    reason: 'Migration loss re-estimated',
    successProbability: 0.75,
    benefits: [
      { id: 'b1', kind: 'revenue' as const, planned: [{ month: '2026-10', amount: 1000 }] },
      { id: 'd1', kind: 'dis_benefit' as const, planned: [{ month: '2026-10', amount: 250.5 }] },
    ],
  };
  const version3: EpicValueDocument = {
    ...plan,
    baseline: { ...version2, version: 3, approvedAt: '2026-11-20T08:00:00.000Z', reason: 'Cost doubled' },
  };
  const toggle = (name: RegExp) => within(section()).getByRole('button', { name });

  it('lists each earlier baseline newest first, with its approver, day, plan and reason, when opened by keyboard', async () => {
    const host = serveHost(viewOf({ revision: 7, value: version3 }));
    host.earlierBaselines = [version2, version1];
    const user = userEvent.setup();
    await renderPanel();
    const show = toggle(/^Show the earlier baselines \(2\)$/);
    expect(show).toHaveAttribute('aria-expanded', 'false');
    expect(host.baselineLoads).toBe(0);

    show.focus();
    await user.keyboard('{Enter}');

    const list = await within(section()).findByRole('list', { name: 'Earlier baselines, newest first' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    await waitFor(() => {
      expect(items[1]).toHaveTextContent(
        `Version 1, approved by Priya Natarajan on ${day('2026-11-03T09:15:00.000Z')}.`,
      );
    });
    expect(items[0]).toHaveTextContent(
      `Version 2, approved by Sam Okafor on ${day('2026-11-10T14:30:00.000Z')}.` +
        '€749.50 net benefit, €300.00 cost, 75% success probability.' +
        'Reason: Migration loss re-estimated',
    );
    expect(items[1]).toHaveTextContent('€800.00 net benefit, €300.00 cost, 100% success probability.');
    expect(items[1]).not.toHaveTextContent('Reason');
    const hide = toggle(/^Hide the earlier baselines$/);
    expect(hide).toHaveAttribute('aria-expanded', 'true');
    expect(hide).toHaveAttribute('aria-controls', list.parentElement?.id);

    await user.keyboard('{Enter}');

    expect(within(section()).queryByRole('list')).not.toBeInTheDocument();
    expect(toggle(/^Show the earlier baselines/)).toHaveFocus();
  });

  it('offers no earlier baselines while the current one is version 1', async () => {
    serveHost(viewOf({ revision: 3, value: approved }));
    await renderPanel();

    await within(section()).findByText(/^Version 1, approved by/);
    expect(within(section()).queryByRole('button')).not.toBeInTheDocument();
  });

  it('lists the baseline an approval replaced, asking the server again', async () => {
    const host = serveHost(viewOf({ revision: 3, value: approved, canApproveBaseline: true }));
    const user = userEvent.setup();
    await renderPanel();

    await user.type(
      within(section()).getByRole('textbox', { name: /Why the plan is approved again/ }),
      'Scope cut after the pilot',
    );
    await user.click(within(section()).getByRole('button', { name: 'Approve as version 2' }));
    await user.click(await within(section()).findByRole('button', { name: 'Show the earlier baseline (1)' }));

    const list = await within(section()).findByRole('list', { name: 'Earlier baselines, newest first' });
    await waitFor(() => {
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([
        `Version 1, approved by Priya Natarajan on ${day('2026-11-03T09:15:00.000Z')}.` +
          '€800.00 net benefit, €300.00 cost, 100% success probability.',
      ]);
    });
    expect(host.baselineLoads).toBe(1);
  });

  it('says which versions the history lacks', async () => {
    const host = serveHost(viewOf({ revision: 7, value: version3 }));
    host.earlierBaselines = [version2];
    const user = userEvent.setup();
    await renderPanel();

    await user.click(toggle(/^Show the earlier baselines/));

    expect(
      await within(section()).findByText(
        'Not in the history (approved before it was kept, or unreadable): version 1.',
      ),
    ).toBeInTheDocument();
  });

  it('shows why the earlier baselines could not be loaded, and tries again', async () => {
    const host = serveHost(viewOf({ revision: 7, value: version3 }));
    host.earlierBaselines = [version2, version1];
    const answer = host.answerBaselines;
    host.answerBaselines = () => ({
      ok: false,
      error: { code: 'UPSTREAM', message: 'Forge storage did not answer. Try again in a minute.' },
    });
    const user = userEvent.setup();
    await renderPanel();

    await user.click(toggle(/^Show the earlier baselines/));
    expect(
      await within(section()).findByText('Forge storage did not answer. Try again in a minute.'),
    ).toBeInTheDocument();
    host.answerBaselines = answer;
    await user.click(within(section()).getByRole('button', { name: 'Try again' }));

    const list = await within(section()).findByRole('list', { name: 'Earlier baselines, newest first' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
  });
});
