import type { ReactNode } from 'react';

export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'moved' | 'new';

export function Lozenge({
  appearance = 'default',
  children,
}: {
  appearance?: LozengeAppearance;
  children: ReactNode;
}) {
  return <span className={`vl-lozenge vl-lozenge--${appearance}`}>{children}</span>;
}
