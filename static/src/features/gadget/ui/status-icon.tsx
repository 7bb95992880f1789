import type { KpiStatus } from '../config/kpi-status';

/** The shape says the status as much as the colour does: tick, exclamation, cross. */
export function StatusIcon({ status }: { status: KpiStatus | 'none' }) {
  return (
    <svg
      className="vl-status-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {status === 'at-risk' ? (
        <>
          <path d="M8 1.5 15 14H1z" className="vl-status-icon-shape" />
          <path d="M8 6v4M8 11.6v.4" className="vl-status-icon-mark" />
        </>
      ) : (
        <>
          <circle cx="8" cy="8" r="7" className="vl-status-icon-shape" />
          {status === 'on-target' ? (
            <path d="M4.8 8.2 7 10.4l4.2-4.6" className="vl-status-icon-mark" />
          ) : null}
          {status === 'off-target' ? (
            <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" className="vl-status-icon-mark" />
          ) : null}
          {status === 'none' ? <path d="M5 8h6" className="vl-status-icon-mark" /> : null}
        </>
      )}
    </svg>
  );
}
