/** Horizontal grid lines with their labels on the left: the value axis every chart here shares. */
export function YGrid({
  ticks,
  y,
  left,
  right,
  format,
}: {
  ticks: readonly number[];
  y: (value: number) => number;
  left: number;
  right: number;
  format: (value: number) => string;
}) {
  return ticks.map((tick) => (
    <g key={`y${String(tick)}`}>
      <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} className="vl-grid-line" />
      <text x={left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
        {format(tick)}
      </text>
    </g>
  ));
}
