import type { KpiTarget } from '../config/gadget-config';
import type { TargetSource } from '../config/effective-target';
import { describeTarget, formatKpi } from '../config/format-kpi';
import { STATUS_LABEL, statusOf } from '../config/kpi-status';
import { rangeAwareStatus, type RangeWarning } from '../config/npv-range-status';
import { hasTargets, type TileDefinition, type TileFigures } from '../config/kpi-tiles';
import { StatusIcon } from '../ui/status-icon';
import { TileHead, tileLabelId } from './tile-head';

export interface KpiTileProps {
  tile: TileDefinition;
  source: TileFigures;
  currency: string;
  target: KpiTarget | undefined;
  /** Where the target comes from; an inherited one says so, so a viewer knows whom to ask. */
  targetSource?: TargetSource;
  /** A line under the value that puts it in context, e.g. "of €1.2M planned to date". */
  detail?: string | undefined;
  /** The tile's risk range, e.g. "P10–P90: €1.2M – €3.4M · 12% chance NPV below zero". */
  range?: string | undefined;
  /** Most simulated outcomes below zero: a plan "On target" then shows "At risk" with this note. */
  rangeWarning?: RangeWarning | null | undefined;
  onDrill: () => void;
}

/**
 * One KPI: its value, its status against target in words and an icon (never colour alone), why
 * it cannot be computed when it cannot, and its formula on hover or focus. The value opens the
 * epics behind it.
 */
const INHERITED_NOTE: Partial<Record<TargetSource, string>> = {
  admin: ' (admin default)',
  'built-in': ' (built-in default)',
};

export function KpiTile({
  tile,
  source,
  currency,
  target,
  targetSource,
  detail,
  range,
  rangeWarning,
  onDrill,
}: KpiTileProps) {
  const value = tile.value(source);
  const shown = formatKpi(value, tile.unit, currency, { compact: true, reading: tile.reading });
  const planStatus = typeof value !== 'number' || !target ? null : statusOf(value, target);
  const { status, warned } = rangeAwareStatus(planStatus, rangeWarning);
  return (
    <li
      className="vl-tile"
      data-status={value === null ? 'not-computable' : (status ?? 'no-target')}
      data-unit={tile.unit}
      data-reading={tile.reading}
      aria-labelledby={tileLabelId(tile)}
    >
      <TileHead tile={tile} />
      <button
        type="button"
        className="vl-tile-value"
        onClick={onDrill}
        aria-label={`${tile.label}: ${shown}. Show the epics behind it`}
        title={
          typeof value === 'number' && tile.unit === 'money'
            ? formatKpi(value, 'money', currency, { reading: tile.reading })
            : undefined
        }
      >
        {/* The exact figure, machine-readable, behind the rounded one shown (a reduction's size). */}
        <data value={value === null ? '' : String(value)}>{shown}</data>
      </button>
      {detail ? <p className="vl-tile-detail">{detail}</p> : null}
      {range ? <p className="vl-tile-detail vl-tile-range">{range}</p> : null}
      {value === null ? (
        <p className="vl-tile-status">
          <StatusIcon status="none" />
          <span>
            <strong>Not computable.</strong> {tile.notComputable}
          </span>
        </p>
      ) : status && target ? (
        <p className="vl-tile-status">
          <StatusIcon status={status} />
          <span>
            <strong>{STATUS_LABEL[status]}</strong>
            <span className="vl-tile-target">
              {warned ? ' · plan on target: ' : ' · '}
              {describeTarget(target, tile.unit, currency, tile.reading)}
              {targetSource ? INHERITED_NOTE[targetSource] : null}
            </span>
          </span>
        </p>
      ) : hasTargets(tile.unit) ? (
        <p className="vl-tile-status">
          <StatusIcon status="none" />
          <span>No target set</span>
        </p>
      ) : null}
      {warned && rangeWarning ? (
        <p className="vl-tile-detail vl-tile-range-warning">{rangeWarning.note}</p>
      ) : null}
    </li>
  );
}
