/** Grey bars where content will be, with the loading state said once for screen readers. */
export function Skeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div className="vl-skeleton" role="status" aria-live="polite">
      <span className="vl-visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="vl-skeleton-row" aria-hidden="true">
          <span className="vl-skeleton-block vl-skeleton-block--short" />
          <span className="vl-skeleton-block" />
          <span className="vl-skeleton-block vl-skeleton-block--short" />
        </div>
      ))}
    </div>
  );
}

/** A small spinner for work in progress inside a button or a line of text. */
export function Spinner() {
  return <span className="vl-spinner" aria-hidden="true" />;
}
