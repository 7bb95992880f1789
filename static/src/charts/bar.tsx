import { barExtent } from './model/bar';

/**
 * A horizontal bar in a table cell, beside the number it draws (the number is the content; the
 * bar is decoration, hidden from assistive technology). Negative values run left of a zero line.
 */
export function InlineBar({
  value,
  min,
  max,
  tone,
}: {
  value: number;
  min: number;
  max: number;
  tone: 'value' | 'signed';
}) {
  const extent = barExtent(value, { min, max });
  return (
    <span className="vl-bar" aria-hidden="true">
      {extent.zeroAt > 0 ? (
        <span className="vl-bar-zero" style={{ left: `${String(extent.zeroAt)}%` }} />
      ) : null}
      <span
        className={`vl-bar-fill vl-bar-${tone === 'signed' && value < 0 ? 'negative' : 'positive'}`}
        style={{ left: `${String(extent.start)}%`, width: `${String(extent.width)}%` }}
      />
    </span>
  );
}
