import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../../ui/button';

/**
 * The frame of every drill-down (a tile's epics, its reviews, its objectives): a way back to the
 * overview, then the heading with what opens the list elsewhere beside it. The heading takes focus
 * when the drill-down opens, so that keyboard and screen reader users land on what replaced the
 * overview rather than on the page's start.
 */
export function DrillDownSection({
  heading,
  actions,
  onBack,
  children,
}: {
  heading: ReactNode;
  /** Beside the heading, e.g. the link to the same list in issue search. */
  actions?: ReactNode;
  onBack: () => void;
  children: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="vl-section" aria-labelledby="drill-heading">
      <Button appearance="subtle" className="vl-back" onClick={onBack}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M10 3 5 8l5 5" />
        </svg>
        Back to overview
      </Button>
      <div className="vl-section-head">
        <h2 id="drill-heading" className="vl-section-heading" tabIndex={-1} ref={headingRef}>
          {heading}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
