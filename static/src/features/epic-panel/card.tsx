import { useId, type ReactNode } from 'react';
import { ChevronIcon, ErrorIcon } from './icons';

interface CardProps {
  title: string;
  expanded: boolean;
  onToggle: () => void;
  /** Short facts shown beside the title when collapsed and expanded alike. */
  meta?: ReactNode;
  badge?: ReactNode;
  problems?: number;
  children: ReactNode;
}

/** A collapsible block with a heading button, as Jira's own expandable sections. */
export function Card({ title, expanded, onToggle, meta, badge, problems = 0, children }: CardProps) {
  const id = useId();
  return (
    <section className={`card${expanded ? ' is-expanded' : ''}`} aria-labelledby={`${id}-title`}>
      <div className="card-header">
        <h3 className="card-title">
          <button
            type="button"
            id={`${id}-title`}
            className="card-toggle"
            aria-expanded={expanded}
            aria-controls={`${id}-body`}
            onClick={onToggle}
          >
            <ChevronIcon />
            <span>{title}</span>
          </button>
        </h3>
        {badge}
        {meta === undefined ? null : <span className="card-meta">{meta}</span>}
        {problems > 0 ? (
          <span className="card-problems">
            <ErrorIcon />
            {problems === 1 ? '1 problem' : `${String(problems)} problems`}
          </span>
        ) : null}
      </div>
      <div id={`${id}-body`} className="card-body" hidden={!expanded}>
        {expanded ? children : null}
      </div>
    </section>
  );
}
