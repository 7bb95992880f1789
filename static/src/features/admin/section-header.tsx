import type { ReactNode } from 'react';

/**
 * The top of an admin section: its title (`id` names it for the section's `aria-labelledby`), a
 * line on what the section is for, and any actions on the right.
 */
export function SectionHeader({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  /** What the section is for. */
  children: ReactNode;
}) {
  return (
    <div className="vl-section-header">
      <div>
        <h2 id={id}>{title}</h2>
        <p className="vl-subtle">{children}</p>
      </div>
      {actions}
    </div>
  );
}
