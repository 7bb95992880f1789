import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ObjectiveRangesView, RangesView } from '../../../src/contract/ranges.contract';
import { GadgetApp } from '../../../static/src/features/gadget/gadget-app';
import {
  npvRangeWarning,
  rangeAwareStatus,
} from '../../../static/src/features/gadget/config/npv-range-status';
import { objectiveChanceText } from '../../../static/src/features/gadget/config/objective-chance-text';
import { RANGES_CSV_HEADER, rangesCsvOf } from '../../../static/src/features/gadget/config/ranges-csv';
import { answerInvoke, gadgetContext, portfolioView, rangesView } from './portfolio-fixtures';

const march = () => new Date(2026, 2, 15);

function objectiveRanges(overrides: Partial<ObjectiveRangesView> = {}): ObjectiveRangesView {
  return {
    ...rangesView().portfolio,
    name: 'Grow revenue',
    target: { amount: 1100, date: '2026-04-30' },
    probabilityTargetReached: 0.62,
    probabilityReason: null,
    ...overrides,
  };
}

/** Ranges in which most outcomes are below zero, every drawn benefit but one on a default spread. */
function mostlyBelowZero(): RangesView {
  const base = rangesView();
  return rangesView({
    portfolio: {
      ...base.portfolio,
      npv: { p10: -4_400_000, p50: -3_000_000, p90: -2_000_000 },
      probabilityNpvBelowZero: 1,
    },
    defaultSpreads: { benefits: 45, defaultBenefits: 44, costs: 20, defaultCosts: 20 },
  });
}

describe('npvRangeWarning', () => {
  it('returns a note when half or more of the simulated outcomes are below zero', () => {
    const at = (chance: number) =>
      npvRangeWarning(
        rangesView({ portfolio: { ...rangesView().portfolio, probabilityNpvBelowZero: chance } }),
      );

    expect(at(0.5)?.note).toBe('The plan figure is on target, but 50% of simulated outcomes are below zero.');
    expect(at(0.4999)).toBeNull();
    expect(npvRangeWarning(undefined)).toBeNull();
  });

  it('says how many drawn benefits use a default spread', () => {
    expect(npvRangeWarning(mostlyBelowZero())?.note).toBe(
      'The plan figure is on target, but 100% of simulated outcomes are below zero. The ranges include default spreads for 44 of 45 benefits without an entered range.',
    );
  });
});

describe('rangeAwareStatus', () => {
  const warning = { probabilityNpvBelowZero: 0.8, note: 'n' };

  it('returns at risk for a plan on target with a range warning', () => {
    expect(rangeAwareStatus('on-target', warning)).toEqual({ status: 'at-risk', warned: true });
  });

  it('returns the plan status when there is no warning or the plan is not on target', () => {
    expect(rangeAwareStatus('on-target', null)).toEqual({ status: 'on-target', warned: false });
    expect(rangeAwareStatus('off-target', warning)).toEqual({ status: 'off-target', warned: false });
    expect(rangeAwareStatus(null, warning)).toEqual({ status: null, warned: false });
  });
});

describe('objectiveChanceText', () => {
  it('returns the chance and the target month', () => {
    expect(objectiveChanceText(objectiveRanges())).toBe('62% chance to reach by Apr 2026');
  });

  it('returns null for an objective without a target, whose lozenge already says so', () => {
    expect(
      objectiveChanceText(
        objectiveRanges({ target: null, probabilityTargetReached: null, probabilityReason: 'NO_TARGET' }),
      ),
    ).toBeNull();
  });

  it('returns why the chance is unknown, never a number, when the target date cannot be read', () => {
    expect(
      objectiveChanceText(
        objectiveRanges({
          target: null,
          probabilityTargetReached: null,
          probabilityReason: 'TARGET_DATE_UNREADABLE',
        }),
      ),
    ).toBe('Chance to reach unknown: the target date cannot be read (an admin can set it again)');
  });
});

describe('rangesCsvOf', () => {
  it('returns one row per scope with the objective chances or their reasons and the seed on every row', () => {
    const csv = rangesCsvOf(
      rangesView({
        byObjective: {
          'OBJ-1': objectiveRanges(),
          'OBJ-3': objectiveRanges({
            name: 'Cut churn',
            target: null,
            probabilityTargetReached: null,
            probabilityReason: 'NO_TARGET',
          }),
        },
      }),
    );
    const rows = csv.trimEnd().split('\r\n');

    expect(rows[0]).toBe(RANGES_CSV_HEADER.join(','));
    expect(rows.map((row) => row.split(',').slice(0, 2).join(':'))).toEqual([
      'scope:key',
      'portfolio:',
      'programme:(none)',
      'project:PAY',
      'objective:OBJ-1',
      'objective:OBJ-3',
    ]);
    expect(rows[4]).toBe(
      'objective,OBJ-1,Grow revenue,2,-1200,310,2400,2100,4300,5600,3300,3450,3900,0.18,1100,2026-04-30,0.62,,2026-03,2027-03,12345,2000,0,EUR',
    );
    expect(rows[5]).toContain(',0.18,,,,NO_TARGET,2026-03,');
  });
});

describe('the gadget with risk ranges', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('shows the NPV tile at risk, plan on target, when most simulated outcomes are below zero', async () => {
    gadgetContext({ configuration: { tiles: ['npv'] } });
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/get-ranges': () => ({ ok: true, data: mostlyBelowZero() }),
    });
    render(<GadgetApp now={march} />);

    const tiles = await screen.findByRole('region', { name: 'Key figures' });
    const npv = within(tiles).getByRole('listitem', { name: 'NPV' });
    expect(await within(npv).findByText(/of simulated outcomes are below zero/)).toBeInTheDocument();
    expect(npv).toHaveAttribute('data-status', 'at-risk');
    expect(npv).toHaveTextContent('At risk · plan on target:');
    expect(npv).not.toHaveTextContent('On target');
    expect(npv).toHaveTextContent('default spreads for 44 of 45 benefits');
  });

  it('keeps the NPV tile on target when fewer than half the outcomes are below zero', async () => {
    gadgetContext({ configuration: { tiles: ['npv'] } });
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/get-ranges': () => ({ ok: true, data: rangesView() }),
    });
    render(<GadgetApp now={march} />);

    const tiles = await screen.findByRole('region', { name: 'Key figures' });
    const npv = within(tiles).getByRole('listitem', { name: 'NPV' });
    expect(await within(npv).findByText(/P10–P90/)).toBeInTheDocument();
    expect(npv).toHaveAttribute('data-status', 'on-target');
    expect(npv).toHaveTextContent('On target');
  });

  it('shows the chance to reach for each active objective with a target, none without one, and exports the ranges', async () => {
    const clicked: string[] = [];
    URL.createObjectURL = jest.fn(() => 'blob:ranges');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    gadgetContext();
    answerInvoke({
      'gadget/get-portfolio': () => ({ ok: true, data: portfolioView() }),
      'gadget/get-ranges': () => ({
        ok: true,
        data: rangesView({
          byObjective: {
            'OBJ-1': objectiveRanges(),
            'OBJ-3': objectiveRanges({
              name: 'Cut churn',
              target: null,
              probabilityTargetReached: null,
              probabilityReason: 'NO_TARGET',
            }),
          },
        }),
      }),
    });
    render(<GadgetApp now={march} />);

    const objectives = await screen.findByRole('region', { name: 'Objective progress' });
    expect(await within(objectives).findByText('62% chance to reach by Apr 2026')).toBeInTheDocument();
    // The objective without a target shows its "No target" lozenge and no chance line.
    expect(within(objectives).getAllByText(/chance to reach/)).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Export ranges CSV' }));

    expect(clicked).toEqual(['value-layer-ranges-2026-03-seed-12345.csv']);
    expect(screen.getByText('Downloaded value-layer-ranges-2026-03-seed-12345.csv.')).toBeInTheDocument();
  });
});
