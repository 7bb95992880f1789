import type { LiveProgress } from '../data/use-portfolio';

const epics = (n: number) => (n === 1 ? '1 epic' : `${n.toLocaleString('en')} epics`);

/** "120 epics read of about 480", or without the total when Jira gave none (or it was passed). */
export function progressText({ processed, total }: LiveProgress): string {
  const known = total !== null && total > 0 && processed <= total;
  return `${epics(processed)} read${known ? ` of about ${total.toLocaleString('en')}` : ''}`;
}

/**
 * The progress of a live computation, page by page. A determinate bar when Jira's approximate
 * total is known; otherwise an indeterminate one beside the running count. The text lives in a
 * polite live region, so a screen reader hears the count move without being interrupted.
 */
export function LiveProgressBar({ progress, label }: { progress: LiveProgress; label: string }) {
  const { processed, total } = progress;
  const known = total !== null && total > 0 && processed <= total;
  const text = progressText(progress);
  return (
    <div className="vl-loading">
      <p className="vl-loading-label" role="status">
        <span>{label}</span> <strong className="vl-loading-count">{text}</strong>
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? processed : undefined}
        aria-valuetext={text}
        className={known ? 'vl-live-bar' : 'vl-live-bar vl-live-bar-indeterminate'}
      >
        <span
          className="vl-live-bar-fill"
          // The one value no class can hold; React sets it through the CSSOM, which the CSP allows.
          style={
            known ? { inlineSize: `${String(Math.round((processed / total) * 1000) / 10)}%` } : undefined
          }
        />
      </div>
    </div>
  );
}
