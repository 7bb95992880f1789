import type { AriaRole, ReactNode, Ref } from 'react';

export type Appearance = 'information' | 'success' | 'warning' | 'error';

const ICONS: Record<Appearance, string> = {
  information:
    'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM8 7a.75.75 0 0 0-.75.75v3.5a.75.75 0 0 0 1.5 0v-3.5A.75.75 0 0 0 8 7Zm0-3a.9.9 0 1 0 0 1.8A.9.9 0 0 0 8 4Z',
  success:
    'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Zm3.03 4.22a.75.75 0 0 0-1.06 0L7.25 8.44 6.03 7.22a.75.75 0 0 0-1.06 1.06l1.75 1.75a.75.75 0 0 0 1.06 0l3.25-3.25a.75.75 0 0 0 0-1.06Z',
  warning:
    'M7.13 2.5a1 1 0 0 1 1.74 0l5.5 9.75a1 1 0 0 1-.87 1.5H2.5a1 1 0 0 1-.87-1.5l5.5-9.75ZM8 10a.85.85 0 1 0 0 1.7A.85.85 0 0 0 8 10Zm0-4.5a.7.7 0 0 0-.7.7v2.6a.7.7 0 0 0 1.4 0V6.2a.7.7 0 0 0-.7-.7Z',
  error:
    'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Zm0 8.75a.9.9 0 1 0 0 1.8.9.9 0 0 0 0-1.8ZM8 4a.75.75 0 0 0-.75.75v3.5a.75.75 0 0 0 1.5 0v-3.5A.75.75 0 0 0 8 4Z',
};

interface SectionMessageProps {
  appearance: Appearance;
  title?: string;
  children?: ReactNode;
  actions?: ReactNode;
  /** Errors interrupt (alert); other news waits its turn (status). */
  live?: boolean;
  /** Overrides the live role, e.g. `region` for a notice that offers a choice. */
  role?: AriaRole;
  id?: string;
  tabIndex?: number;
  className?: string;
  'aria-labelledby'?: string;
  ref?: Ref<HTMLDivElement>;
}

/** Atlassian's section message: an icon, a title, a sentence or two, and what to do next. */
export function SectionMessage({
  appearance,
  title,
  children,
  actions,
  live = true,
  role,
  id,
  tabIndex,
  className,
  'aria-labelledby': labelledBy,
  ref,
}: SectionMessageProps) {
  const liveRole = live ? (appearance === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div
      ref={ref}
      className={`vl-message vl-message--${appearance}${className === undefined ? '' : ` ${className}`}`}
      role={role ?? liveRole}
      id={id}
      tabIndex={tabIndex}
      aria-labelledby={labelledBy}
    >
      <svg className="vl-message-icon" viewBox="0 0 16 16" width="20" height="20" aria-hidden="true">
        <path fill="currentColor" d={ICONS[appearance]} />
      </svg>
      <div className="vl-message-body">
        {title !== undefined && <p className="vl-message-title">{title}</p>}
        {children}
        {actions !== undefined && <div className="vl-message-actions">{actions}</div>}
      </div>
    </div>
  );
}
