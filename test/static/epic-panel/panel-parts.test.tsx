/**
 * The Value tab's small parts on their own, found by role and accessible name: the notices above
 * the form, the save status, the chart's table of numbers, and the series tools' panel.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toDraft } from '../../../static/src/features/epic-panel/draft';
import { SaveStatus } from '../../../static/src/features/epic-panel/save-status';
import { ToolPanel } from '../../../static/src/features/epic-panel/tool-parts';
import { ValueChartTable } from '../../../static/src/features/epic-panel/value-chart-table';
import { ValueTabNotices } from '../../../static/src/features/epic-panel/value-tab-notices';
import { EMPTY_VALUE, renderPanel, serveHost, viewOf } from './panel-fixtures';

describe('ValueTabNotices', () => {
  const draft = toDraft(
    {
      ...EMPTY_VALUE,
      benefits: [
        {
          id: 'b1',
          kind: 'revenue',
          title: 'Checkout uplift',
          planned: [{ month: '2026-03', amount: 10 }],
          realised: [],
        },
      ],
    },
    2,
  );
  const noop = () => undefined;
  const props = {
    issueKey: 'CHK-1',
    draft,
    restorable: null,
    conflict: null,
    rebaseNote: null,
    errors: null,
    onRestore: noop,
    onDropRestorable: noop,
    onReapply: noop,
    onUseTheirs: noop,
    onGoTo: noop,
  };

  it('says why the form is read only when the user cannot edit', () => {
    render(
      <ValueTabNotices {...props} view={viewOf({ canEdit: false, readOnlyReason: 'Needs Edit issues.' })} />,
    );
    expect(screen.getByRole('note')).toHaveTextContent('Read only. Needs Edit issues.');
  });

  it('shows nothing when the user can edit and nothing needs saying', () => {
    const { container } = render(<ValueTabNotices {...props} view={viewOf()} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('lists each problem by the field’s name, as a button that goes to it', async () => {
    const goneTo: string[] = [];
    const user = userEvent.setup();
    render(
      <ValueTabNotices
        {...props}
        view={viewOf()}
        errors={{ 'value.benefits[0].planned[0].amount': 'Enter a number, such as 1,250.50.' }}
        onGoTo={(path) => goneTo.push(path)}
      />,
    );
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'Fix 1 problem before saving' })).toBeInTheDocument();
    expect(within(summary).getByRole('listitem')).toHaveTextContent(
      '“Checkout uplift”, planned Mar 2026: amount – Enter a number, such as 1,250.50.',
    );
    await user.click(
      within(summary).getByRole('button', { name: '“Checkout uplift”, planned Mar 2026: amount' }),
    );
    expect(goneTo).toEqual(['value.benefits[0].planned[0].amount']);
  });

  it('offers an earlier visit’s edits back with Restore and Discard buttons', async () => {
    const chosen: string[] = [];
    const user = userEvent.setup();
    render(
      <ValueTabNotices
        {...props}
        view={viewOf()}
        restorable={{ baseRevision: 0, base: draft, mine: draft, savedAt: '2026-11-02T10:00:00Z' }}
        onRestore={() => chosen.push('restore')}
        onDropRestorable={() => chosen.push('drop')}
      />,
    );
    const offer = screen.getByRole('region', { name: /^You have unsaved changes from/ });
    await user.click(within(offer).getByRole('button', { name: 'Restore my changes' }));
    await user.click(within(offer).getByRole('button', { name: 'Discard them' }));
    expect(chosen).toEqual(['restore', 'drop']);
  });

  it('says what both sides changed after a rebase', () => {
    render(
      <ValueTabNotices
        {...props}
        view={viewOf()}
        rebaseNote={{ headline: 'Your changes are now on top of Priya’s version.', overlaps: ['the NPS'] }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your changes are now on top of Priya’s version. Check them, then save.You both changed the NPS.',
    );
  });
});

describe('SaveStatus', () => {
  const noop = () => undefined;

  it.each([
    [{ dirty: false, conflicted: false }, 'No unsaved changes'],
    [{ dirty: true, conflicted: false }, 'Unsaved changes'],
    [{ dirty: true, conflicted: true }, 'Choose how to continue above.'],
  ])('says %j as %j', (state, text) => {
    const { container } = render(<SaveStatus {...state} canUndo={false} onUndo={noop} />);
    expect(container).toHaveTextContent(new RegExp(`^${text.replace('.', '\\.')}$`));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('offers Undo after a discard, and calls it', async () => {
    let undone = 0;
    const user = userEvent.setup();
    const { container } = render(
      <SaveStatus dirty={false} conflicted={false} canUndo onUndo={() => (undone += 1)} />,
    );
    expect(container).toHaveTextContent('Changes discarded. Undo');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(undone).toBe(1);
  });
});

describe('ValueChartTable', () => {
  it('is the kit’s table: a named scroll region, months as row headers, amounts right-aligned with their currency', () => {
    render(
      <ValueChartTable
        currency="EUR"
        points={[
          {
            month: '2026-10',
            planned: 1000,
            realised: 1500,
            cumulativePlanned: 1000,
            cumulativeRealised: 1500,
          },
          {
            month: '2026-12',
            planned: 1000,
            realised: null,
            cumulativePlanned: 2000,
            cumulativeRealised: null,
          },
        ]}
      />,
    );
    const region = screen.getByRole('region', { name: 'Planned and realised benefit by month' });
    expect(region).toHaveAttribute('tabindex', '0');
    const table = within(region).getByRole('table', { name: 'Planned and realised benefit by month' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Month', 'Planned', 'Realised', 'Planned, running', 'Realised, running']);
    expect(within(table).getByRole('rowheader', { name: 'Dec 2026' })).toBeInTheDocument();
    const cells = within(table).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual([
      '€1,000.00',
      '€1,500.00',
      '€1,000.00',
      '€1,500.00',
      '€1,000.00',
      '—',
      '€2,000.00',
      '—',
    ]);
    for (const cell of cells) expect(cell).toHaveClass('vl-num');
  });
});

describe('ToolPanel', () => {
  it('is a named group that Escape closes', async () => {
    let cancelled = 0;
    const user = userEvent.setup();
    render(
      <ToolPanel id="tool" label="Spread a total over planned benefit" onCancel={() => (cancelled += 1)}>
        <input aria-label="Total (EUR)" />
      </ToolPanel>,
    );
    await user.click(
      within(screen.getByRole('group', { name: 'Spread a total over planned benefit' })).getByRole(
        'textbox',
        {
          name: 'Total (EUR)',
        },
      ),
    );
    await user.keyboard('{Escape}');
    expect(cancelled).toBe(1);
  });
});

describe('the series tools in the panel', () => {
  it('closes a tool on Escape and gives the focus back to the button that opened it', async () => {
    serveHost(viewOf());
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Add benefit' }));
    const planned = screen.getByRole('group', { name: 'Planned benefit' });
    const opener = within(planned).getByRole('button', { name: 'Spread a total…' });
    await user.click(opener);
    await user.click(within(planned).getByRole('textbox', { name: 'Total (EUR)' }));

    await user.keyboard('{Escape}');

    expect(within(planned).queryByRole('group', { name: /^Spread a total over/ })).toBeNull();
    expect(opener).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() => {
      expect(opener).toHaveFocus();
    });
  });
});
