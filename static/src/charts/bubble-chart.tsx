import { SvgChartFigure } from './chart-figure';
import { layoutBubbles, type BubbleDatum } from './model/bubble';
import { useWidth } from './use-width';
import { YGrid } from './y-grid';

export interface BubblePoint extends BubbleDatum {
  label: string;
}

const HEIGHT = 260;
const MARGIN = { top: 16, right: 20, bottom: 40, left: 64 };
const TABLE_LIMIT = 100;

/** How many points lie on or above break-even (y ≥ x), as the chart's takeaway. */
export function bubbleTakeaway(points: readonly BubblePoint[]): string {
  if (points.length === 0) return 'No epic has forecast cost or benefit yet';
  const gaining = points.filter((p) => p.y >= p.x).length;
  return `${String(gaining)} of ${String(points.length)} epics are expected to return at least what they cost`;
}

/**
 * Value vs cost: x is what an epic will have cost, y the benefit expected of it, and the bubble's
 * area and opacity its success probability. The diagonal is break-even; it is labelled, so which
 * side a bubble is on reads without its colour.
 */
export function BubbleChart({
  points,
  xLabel,
  yLabel,
  format,
  heading,
}: {
  points: readonly BubblePoint[];
  xLabel: string;
  yLabel: string;
  format: (amount: number) => string;
  heading: string;
}) {
  const [ref, width] = useWidth(560);
  const box = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: width - MARGIN.right,
    bottom: HEIGHT - MARGIN.bottom,
  };
  const layout = layoutBubbles({ data: points, box, radius: { min: 2.5, max: 9 } });
  const takeaway = bubbleTakeaway(points);
  const byCost = [...points].sort((a, b) => b.x - a.x);
  const table = (
    <>
      <table className="vl-table">
        <caption className="vl-visually-hidden">{heading}</caption>
        <thead>
          <tr>
            <th scope="col">Epic</th>
            <th scope="col" className="vl-num">
              {xLabel}
            </th>
            <th scope="col" className="vl-num">
              {yLabel}
            </th>
            <th scope="col" className="vl-num">
              Success probability
            </th>
          </tr>
        </thead>
        <tbody>
          {byCost.slice(0, TABLE_LIMIT).map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.label}</th>
              <td className="vl-num">{format(p.x)}</td>
              <td className="vl-num">{format(p.y)}</td>
              <td className="vl-num">{`${String(Math.round(p.weight * 100))}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {byCost.length > TABLE_LIMIT ? (
        <p className="vl-subtle">
          The {TABLE_LIMIT} largest of {byCost.length} epics by cost; the epic list has them all.
        </p>
      ) : null}
    </>
  );
  return (
    <SvgChartFigure
      heading={heading}
      takeaway={takeaway}
      table={table}
      legend={
        <p className="vl-legend-note">
          Bubble size and opacity show each epic’s success probability. Hover a bubble for its figures.
        </p>
      }
      canvas={{ canvasRef: ref, width, height: HEIGHT }}
      description={`${yLabel} against ${xLabel.toLowerCase()} for ${String(points.length)} epics; bubbles above the break-even diagonal are expected to return more than they cost.`}
    >
      <g className="vl-axis">
        <YGrid ticks={layout.yTicks} y={layout.y} left={box.left} right={box.right} format={format} />
        {layout.xTicks.map((tick) => (
          <text key={`x${String(tick)}`} x={layout.x(tick)} y={box.bottom + 16} textAnchor="middle">
            {format(tick)}
          </text>
        ))}
        <text x={(box.left + box.right) / 2} y={HEIGHT - 4} textAnchor="middle" className="vl-axis-title">
          {xLabel}
        </text>
        <text
          transform={`translate(12 ${String((box.top + box.bottom) / 2)}) rotate(-90)`}
          textAnchor="middle"
          className="vl-axis-title"
        >
          {yLabel}
        </text>
      </g>
      {layout.breakEven ? (
        <g className="vl-break-even">
          <line {...layout.breakEven} strokeDasharray="4 4" />
          <text x={layout.breakEven.x2 - 4} y={layout.breakEven.y2 + 14} textAnchor="end">
            Break-even
          </text>
        </g>
      ) : null}
      <g>
        {layout.bubbles.map((b) => (
          <circle
            key={b.id}
            cx={b.cx}
            cy={b.cy}
            r={b.r}
            className={b.y >= b.x ? 'vl-bubble vl-bubble-gain' : 'vl-bubble vl-bubble-loss'}
            fillOpacity={b.opacity}
          >
            <title>{`${b.label}: ${xLabel.toLowerCase()} ${format(b.x)}, ${yLabel.toLowerCase()} ${format(b.y)}, success probability ${String(Math.round(b.weight * 100))}%`}</title>
          </circle>
        ))}
      </g>
    </SvgChartFigure>
  );
}
