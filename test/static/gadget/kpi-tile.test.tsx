import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { KpiTarget } from '../../../static/src/features/gadget/config/gadget-config';
import { TILES, type TileFigures } from '../../../static/src/features/gadget/config/kpi-tiles';
import { tileDetail } from '../../../static/src/features/gadget/view/kpi-grid';
import { KpiTile } from '../../../static/src/features/gadget/view/kpi-tile';
import { figures } from './portfolio-fixtures';

function source(
  overrides: Partial<TileFigures['figures']> = {},
  strategic: Partial<TileFigures> = {},
): TileFigures {
  return {
    figures: figures(overrides),
    strategicGoalsAdvancedPct: 50,
    objectivesOnTrackPct: 100,
    strategicAlignmentPct: 38.24,
    asOf: '2026-03',
    ...strategic,
  };
}

const higher: KpiTarget = { green: 0.9, amber: 0.7, higherIsBetter: true };

function renderTile(props: Partial<Parameters<typeof KpiTile>[0]> = {}) {
  const onDrill = jest.fn();
  render(
    <ul>
      <KpiTile
        tile={TILES.realisationRate}
        source={source()}
        currency="EUR"
        target={higher}
        onDrill={onDrill}
        {...props}
      />
    </ul>,
  );
  return { onDrill, tile: screen.getByRole('listitem') };
}

describe('KpiTile', () => {
  it('shows the value and "On target" with a tick when the value reaches the green threshold', () => {
    const { tile } = renderTile({ source: source({ realisationRate: 0.95 }) });

    expect(tile).toHaveTextContent('95%');
    expect(tile).toHaveTextContent('On target');
    expect(tile).toHaveTextContent('Target ≥ 90%, at risk ≥ 70%');
    expect(tile).toHaveAttribute('data-status', 'on-target');
  });

  it('shows "At risk" when the value is between the amber and green thresholds', () => {
    const { tile } = renderTile({ source: source({ realisationRate: 0.75 }) });

    expect(tile).toHaveTextContent('75%');
    expect(tile).toHaveTextContent('At risk');
  });

  it('shows "Off target" when the value is below the amber threshold', () => {
    const { tile } = renderTile({ source: source({ realisationRate: 0.5 }) });

    expect(tile).toHaveTextContent('Off target');
  });

  it('reads the thresholds downwards when lower is better', () => {
    const { tile } = renderTile({
      source: source({ realisationRate: 0.5 }),
      target: { green: 0.6, amber: 0.8, higherIsBetter: false },
    });

    expect(tile).toHaveTextContent('On target');
    expect(tile).toHaveTextContent('Target ≤ 60%, at risk ≤ 80%');
  });

  it('says the KPI is not computable, and why, when its value is null', () => {
    const { tile } = renderTile({ source: source({ realisationRate: null }) });

    expect(tile).toHaveTextContent('—');
    expect(tile).toHaveTextContent('Not computable. Nothing is planned up to the as-of month yet.');
    expect(tile).not.toHaveTextContent('On target');
    expect(tile).toHaveAttribute('data-status', 'not-computable');
  });

  it('gives the strategic goals tile its own reason when there is no active objective', () => {
    const { tile } = renderTile({
      tile: TILES.strategicGoalsAdvancedPct,
      source: source({}, { strategicGoalsAdvancedPct: null }),
    });

    expect(tile).toHaveTextContent('There is no active strategic objective.');
  });

  it('says "No target set" when the tile has no target', () => {
    const { tile } = renderTile({ tile: TILES.costSavingRealised, target: undefined });

    expect(tile).toHaveTextContent('€300');
    expect(tile).toHaveTextContent('No target set');
  });

  it('shows the dis-benefit realised as a reduction, with a minus, and its exact size as the data', () => {
    const { tile } = renderTile({
      tile: TILES.disBenefitRealised,
      source: source({ disBenefitRealised: 250, realisedBenefit: 1800 }),
      target: undefined,
    });

    expect(
      screen.getByRole('button', { name: /^Dis-benefit realised: -€250\. Show the epics/ }),
    ).toBeVisible();
    expect(tile.querySelector('data')).toHaveAttribute('value', '250');
    expect(tile).toHaveAttribute('data-reading', 'reduction');
  });

  it('reads a dis-benefit target as the figure reads, negative, so the comparison agrees with the status', () => {
    const { tile } = renderTile({
      tile: TILES.disBenefitRealised,
      source: source({ disBenefitRealised: 2000 }),
      target: { green: 10_000, amber: 20_000, higherIsBetter: false },
    });

    // At most €10K of dis-benefit: -€2K is above -€10K.
    expect(tile).toHaveTextContent('-€2K');
    expect(tile).toHaveTextContent('On target');
    expect(tile).toHaveTextContent('Target ≥ -€10K, at risk ≥ -€20K');
  });

  it('says what a dis-benefit took off realised benefit, and that none did when it is zero', () => {
    expect(
      tileDetail('disBenefitRealised', figures({ disBenefitRealised: 250, realisedBenefit: 1800 }), 'EUR'),
    ).toBe('reduces net benefit: €2.1K realised before it, €1.8K after');
    const { tile } = renderTile({
      tile: TILES.disBenefitRealised,
      source: source({ disBenefitRealised: 0 }),
      target: undefined,
    });
    expect(tile).toHaveTextContent('€0');
    expect(tile).not.toHaveTextContent('-€0');
  });

  it('shows forecast drift with its sign either way, and why there is none without a baseline', () => {
    const { tile } = renderTile({
      tile: TILES.forecastDrift,
      source: source({ forecastDrift: -0.25 }),
      target: undefined,
    });
    expect(tile).toHaveTextContent('-25%');
    tile.remove();

    const grown = renderTile({ tile: TILES.forecastDrift, source: source({ forecastDrift: 0.12 }) });
    expect(grown.tile).toHaveTextContent('+12%');
    grown.tile.remove();

    const none = renderTile({ tile: TILES.forecastDrift, source: source({ forecastDrift: null }) });
    expect(none.tile).toHaveTextContent('Not computable. No epic here has an approved baseline');
    expect(none.tile).not.toHaveTextContent('NaN');
  });

  it('gives realisation against baseline its reason when no epic has an approved baseline', () => {
    const { tile } = renderTile({
      tile: TILES.baselineRealisationRate,
      source: source({ baselineRealisationRate: null }),
      target: undefined,
    });

    expect(tile).toHaveTextContent('Not computable. No epic here has an approved baseline');
    expect(tile.querySelector('data')).toHaveAttribute('value', '');
  });

  it('formats money in the site currency', () => {
    const { tile } = renderTile({
      tile: TILES.npv,
      currency: 'JPY',
      source: source({ npv: 1_250_000 }),
      target: undefined,
    });

    expect(tile).toHaveTextContent('¥1.3M');
  });

  it('explains its formula in a tooltip that opens on keyboard focus and closes on Escape', async () => {
    const user = userEvent.setup();
    renderTile();
    const info = screen.getByRole('button', { name: 'How Realisation rate is calculated' });

    expect(info).toHaveAccessibleDescription(/Realised benefit ÷ benefit planned up to the as-of month/);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    await user.tab();
    expect(info).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent('Realised benefit ÷ benefit planned');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('opens the epics behind the figure when its value is pressed', async () => {
    const user = userEvent.setup();
    const { onDrill } = renderTile();

    await user.click(
      screen.getByRole('button', { name: /Realisation rate: 75%\. Show the epics behind it/ }),
    );

    expect(onDrill).toHaveBeenCalledTimes(1);
  });
});
