import { useId, useState, type ReactNode, type Ref } from 'react';
import './charts.css';

/** The ids a chart's SVG takes its accessible name and description from. */
interface ChartIds {
  titleId: string;
  descId: string;
}

/** The element an SVG chart draws in, and the size it draws at (see `useWidth`). */
export interface ChartCanvas {
  canvasRef: Ref<HTMLDivElement>;
  width: number;
  height: number;
}

/**
 * The frame every chart shares: a heading, a takeaway title that says what the chart shows, and
 * a button that swaps the picture for the same numbers as a table (for screen readers, keyboard
 * users and anyone who wants the exact figures).
 */
export function ChartFigure({
  heading,
  takeaway,
  children,
  table,
  legend,
  level = 2,
}: {
  heading: string;
  /** The heading's level: 3 where the chart sits inside a section of its own. */
  level?: 2 | 3;
  takeaway: string;
  /** The SVG; it receives the ids of its label and description. */
  children: (ids: ChartIds) => ReactNode;
  table: ReactNode;
  legend?: ReactNode;
}) {
  const base = useId();
  const [showTable, setShowTable] = useState(false);
  const headingId = `${base}-heading`;
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <figure className="vl-chart" aria-labelledby={headingId}>
      <div className="vl-chart-head">
        <div>
          <Heading className="vl-chart-heading" id={headingId}>
            {heading}
          </Heading>
          <p className="vl-chart-takeaway">{takeaway}</p>
        </div>
        <button
          type="button"
          className="vl-button vl-button-subtle"
          aria-pressed={showTable}
          onClick={() => {
            setShowTable((now) => !now);
          }}
        >
          {showTable ? 'Show chart' : 'Show as table'}
        </button>
      </div>
      {showTable ? (
        <div className="vl-table-scroll" role="region" aria-label={`${heading} data`} tabIndex={0}>
          {table}
        </div>
      ) : (
        <>
          {children({ titleId: `${base}-title`, descId: `${base}-desc` })}
          {legend}
        </>
      )}
    </figure>
  );
}

/**
 * A `ChartFigure` whose picture is an SVG drawn at its canvas's measured width, named by the
 * takeaway and described in words: the figure every chart here is.
 */
export function SvgChartFigure({
  heading,
  level,
  takeaway,
  table,
  legend,
  canvas,
  role = 'img',
  description,
  children,
}: {
  heading: string;
  level?: 2 | 3;
  takeaway: string;
  table: ReactNode;
  legend?: ReactNode;
  canvas: ChartCanvas;
  /** `group` where the chart holds controls of its own (marks to choose); a picture otherwise. */
  role?: 'img' | 'group';
  description: string;
  /** What the SVG draws. */
  children: ReactNode;
}) {
  return (
    <ChartFigure heading={heading} level={level} takeaway={takeaway} table={table} legend={legend}>
      {({ titleId, descId }) => (
        <div ref={canvas.canvasRef} className="vl-chart-canvas">
          <svg
            width={canvas.width}
            height={canvas.height}
            role={role}
            aria-labelledby={titleId}
            aria-describedby={descId}
          >
            <title id={titleId}>{takeaway}</title>
            <desc id={descId}>{description}</desc>
            {children}
          </svg>
        </div>
      )}
    </ChartFigure>
  );
}

/** A legend entry: the mark drawn as in the chart (line style and marker shape), then its name. */
export function LegendItem({
  className,
  dashed = false,
  marker,
  label,
}: {
  className: string;
  dashed?: boolean;
  marker: 'circle' | 'square' | 'none';
  label: string;
}) {
  return (
    <li className="vl-legend-item">
      <svg
        width="28"
        height="12"
        viewBox="0 0 28 12"
        aria-hidden="true"
        focusable="false"
        className={className}
      >
        <path d="M1 6h26" className="vl-series-line" strokeDasharray={dashed ? '5 3' : undefined} />
        {marker === 'circle' ? <circle cx="14" cy="6" r="3.5" className="vl-series-marker" /> : null}
        {marker === 'square' ? (
          <rect x="10.5" y="2.5" width="7" height="7" className="vl-series-marker" />
        ) : null}
      </svg>
      {label}
    </li>
  );
}
