import { view } from '@forge/bridge';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './base.css';
import '../ui/ui.css';

/**
 * Starts a Custom UI module: follow Jira's theme first (so the first paint is already in the
 * right colour mode), then render.
 */
export async function boot(app: ReactNode): Promise<void> {
  await view.theme.enable();
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element to render into.');
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
