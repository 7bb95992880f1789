import { useRef, useState } from 'react';
import type { PortfolioView } from '../../../../../src/contract/gadget.contract';
import { TrendChart } from '../../../charts/trend-chart';
import { formatMonth } from '../../../shared/format';
import { describeScope, effectiveAsOf, type GadgetConfig } from '../config/gadget-config';
import { approximateEpicCount } from '../data/epic-count';
import type { EpicFilter, ScopeRequest } from '../data/gadget-api';
import { usePortfolio } from '../data/use-portfolio';
import { BreakdownTable } from './breakdown-table';
import { KPI_DRILL_DOWNS } from '../../../../../src/contract/kpi-drill-down';
import { isKpiTile, TILES, type TileId } from '../config/kpi-tiles';
import { DrillDown, type DrillTarget } from './drill-down';
import { ObjectivesDrillDown } from './objectives-drill-down';
import { ReviewsDrillDown } from './reviews-drill-down';
import { ExportBar } from './export-bar';
import { KpiGrid } from './kpi-grid';
import { ObjectiveProgress } from './objective-progress';
import { EmptyScope, ErrorMessage, LoadingOverview } from './states';
import { ValueCostChart } from './value-cost-chart';
import { SectionMessage } from '../../../ui/section-message';
import { useRanges } from '../data/ranges';
import { RangesSection } from './ranges-section';

function Overview({
  view,
  config,
  request,
  refreshKey,
  onDrill,
  onDrillKpi,
}: {
  view: PortfolioView;
  config: GadgetConfig;
  request: ScopeRequest;
  refreshKey: string;
  onDrill: (filter: EpicFilter, title: string) => void;
  onDrillKpi: (id: TileId) => void;
}) {
  const ranges = useRanges(request, refreshKey, config.showRanges);
  return (
    <>
      <KpiGrid
        ranges={ranges?.resource.state === 'ready' ? ranges.resource.data : undefined}
        config={config}
        currency={view.currency}
        adminTargets={view.kpiTargets}
        refreshKey={refreshKey}
        source={{
          figures: view.portfolio,
          strategicGoalsAdvancedPct: view.strategicGoalsAdvancedPct,
          objectivesOnTrackPct: view.objectivesOnTrackPct,
          strategicAlignmentPct: view.strategicAlignmentPct,
          asOf: view.asOf,
        }}
        onDrill={onDrillKpi}
      />
      <section className="vl-section vl-card">
        <TrendChart trend={view.trend} asOf={view.asOf} currency={view.currency} />
      </section>
      {ranges ? <RangesSection loaded={ranges} /> : null}
      <BreakdownTable
        byProgramme={view.byProgramme}
        byProject={view.byProject}
        truncated={view.truncated}
        currency={view.currency}
        onDrill={onDrill}
      />
      <ObjectiveProgress
        byObjective={view.byObjective}
        currency={view.currency}
        chances={ranges?.resource.state === 'ready' ? ranges.resource.data.byObjective : undefined}
        onDrill={onDrill}
      />
      <ValueCostChart request={request} epicCount={view.portfolio.epics} />
    </>
  );
}

/** The gadget in view mode: KPIs of the configured scope, breakdowns, charts, drill-down, export. */
export function PortfolioGadget({
  config,
  ignored,
  siteUrl,
  refreshCount,
  now,
  countEpics = approximateEpicCount,
}: {
  config: GadgetConfig;
  ignored: string[];
  siteUrl: string;
  /** Bumped when the dashboard asks its gadgets to refresh. */
  refreshCount: number;
  now: Date;
  countEpics?: (jql: string) => Promise<number | null>;
}) {
  const request: ScopeRequest = { scope: config.scope, asOf: effectiveAsOf(config, now) };
  const key = JSON.stringify([request, refreshCount]);
  const { load: portfolio, retry } = usePortfolio({ key, request, countEpics });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  // The benefit reviews tile's list: its own resolver, so not an epic drill-down.
  const [reviewsShown, setReviewsShown] = useState(false);
  // The control that opened the drill-down gets focus back when the user returns.
  const opener = useRef<HTMLElement | null>(null);
  const view = portfolio.state === 'ready' ? portfolio.data : null;
  const rememberOpener = () => {
    // Only from the overview: a drill-down opened from another keeps the overview's opener.
    if (drill === null && !reviewsShown)
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };
  const openDrill = (filter: EpicFilter, title: string) => {
    rememberOpener();
    setDrill({ filter, title });
  };
  const back = () => {
    setDrill(null);
    setReviewsShown(false);
    setTimeout(() => opener.current?.focus());
  };
  const drilled = drill?.kpi === undefined ? undefined : KPI_DRILL_DOWNS[drill.kpi].reconciles;
  const objectivesDrill = drilled?.kind === 'objectives' ? drilled.counts : null;
  const empty = view?.portfolio.epics === 0;
  const unreadableCount = view ? Math.max(view.unreadableCount ?? 0, view.unreadable.length) : 0;
  return (
    <main className="vl-gadget" aria-labelledby="gadget-title">
      <header className="vl-header">
        <div className="vl-header-text">
          <h1 id="gadget-title" className="vl-title">
            {config.title}
          </h1>
          <p className="vl-subtle vl-scope-line">
            <span>{describeScope(config.scope)}</span>
            <span>As of {formatMonth(request.asOf)}</span>
            {view ? (
              <span>{view.portfolio.epics === 1 ? '1 epic' : `${String(view.portfolio.epics)} epics`}</span>
            ) : null}
            {view ? <span>{view.currency}</span> : null}
          </p>
        </div>
        {view && !empty ? <ExportBar request={request} /> : null}
      </header>
      {ignored.length > 0 ? (
        <SectionMessage appearance="warning">
          <p>
            Part of this gadget’s saved settings could not be read ({ignored.join(', ')}); defaults are used
            instead. Edit the gadget and save it again to fix this.
          </p>
        </SectionMessage>
      ) : null}
      {view && unreadableCount > 0 ? (
        <SectionMessage appearance="warning">
          <p className="vl-message-title">
            {unreadableCount === 1 ? '1 epic is' : `${String(unreadableCount)} epics are`} left out of these
            figures because their value record cannot be read:
          </p>
          <ul>
            {view.unreadable.slice(0, 10).map((epic) => (
              <li key={epic.key}>
                {epic.key}: {epic.reason}
              </li>
            ))}
          </ul>
          {unreadableCount > 10 ? <p>…and {unreadableCount - 10} more.</p> : null}
          <p>Open each epic’s Value panel to correct its record.</p>
        </SectionMessage>
      ) : null}
      {portfolio.state === 'loading' ? (
        <LoadingOverview
          jql={config.scope.kind === 'jql'}
          tiles={config.tiles.length}
          progress={portfolio.progress}
        />
      ) : null}
      {portfolio.state === 'failed' ? (
        <ErrorMessage
          error={portfolio.error}
          onRetry={retry}
          {...(portfolio.progress ? { next: portfolio.next, progress: portfolio.progress } : {})}
        />
      ) : null}
      {view && empty ? <EmptyScope siteUrl={siteUrl} wholeSite={config.scope.kind === 'all'} /> : null}
      {view && !empty && drill && objectivesDrill ? (
        <ObjectivesDrillDown
          view={view}
          counts={objectivesDrill}
          title={drill.title}
          siteUrl={siteUrl}
          onBack={back}
          onDrill={openDrill}
        />
      ) : null}
      {view && !empty && drill && !objectivesDrill ? (
        <DrillDown
          key={JSON.stringify(drill)}
          request={request}
          target={drill}
          siteUrl={siteUrl}
          onBack={back}
        />
      ) : null}
      {view && !empty && reviewsShown ? (
        <ReviewsDrillDown scope={config.scope} refreshKey={key} siteUrl={siteUrl} onBack={back} />
      ) : null}
      {view && !empty ? (
        // Kept mounted (hidden) during a drill-down, so coming back neither reloads nor loses the place.
        <div hidden={drill !== null || reviewsShown}>
          <Overview
            view={view}
            config={config}
            request={request}
            refreshKey={key}
            onDrill={openDrill}
            onDrillKpi={(id) => {
              rememberOpener();
              if (!isKpiTile(id)) {
                setReviewsShown(true);
                return;
              }
              const title =
                KPI_DRILL_DOWNS[id].reconciles.kind === 'objectives'
                  ? `${TILES[id].label}: the objectives counted`
                  : `Epics behind ${TILES[id].label}`;
              setDrill({ filter: { by: 'all' }, title, kpi: id });
            }}
          />
        </div>
      ) : null}
    </main>
  );
}
