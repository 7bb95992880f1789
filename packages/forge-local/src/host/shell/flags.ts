/** Jira's flags: stacked bottom-left, announced to screen readers, closable from the keyboard. */
import { h, svg } from './dom';

export type FlagType = 'info' | 'success' | 'warning' | 'error';

export interface FlagOptions {
  id: string | number;
  title?: string;
  description?: string;
  type?: FlagType;
  appearance?: FlagType;
  actions?: { text: string; onClick: () => void }[];
  isAutoDismiss?: boolean;
}

const autoDismissMs = 8000;
const flagTypes: readonly FlagType[] = ['info', 'success', 'warning', 'error'];

const icons: Record<FlagType, string> = {
  info: '<svg viewBox="0 0 24 24" width="24" height="24"><circle cx="12" cy="12" r="9" fill="currentColor"/><rect x="11" y="10" width="2" height="7" rx="1" fill="var(--ds-surface, #fff)"/><circle cx="12" cy="7.5" r="1.25" fill="var(--ds-surface, #fff)"/></svg>',
  success:
    '<svg viewBox="0 0 24 24" width="24" height="24"><circle cx="12" cy="12" r="9" fill="currentColor"/><path d="M8 12.5l2.5 2.5L16 9.5" stroke="var(--ds-surface, #fff)" stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  warning:
    '<svg viewBox="0 0 24 24" width="24" height="24"><path d="M12 3l10 18H2z" fill="currentColor"/><rect x="11" y="9" width="2" height="6" rx="1" fill="var(--ds-surface, #fff)"/><circle cx="12" cy="17.5" r="1.2" fill="var(--ds-surface, #fff)"/></svg>',
  error:
    '<svg viewBox="0 0 24 24" width="24" height="24"><circle cx="12" cy="12" r="9" fill="currentColor"/><path d="M9 9l6 6M15 9l-6 6" stroke="var(--ds-surface, #fff)" stroke-width="2" stroke-linecap="round"/></svg>',
};

const flags = new Map<string, { element: HTMLElement; timer: number | undefined }>();

function region(): HTMLElement {
  const existing = document.getElementById('flags');
  if (existing) return existing;
  const created = h('div', { id: 'flags', class: 'flags', role: 'region', 'aria-label': 'Notifications' });
  document.body.append(created);
  return created;
}

export function closeFlag(id: string | number): boolean {
  const key = String(id);
  const flag = flags.get(key);
  if (!flag) return false;
  window.clearTimeout(flag.timer);
  flag.element.remove();
  flags.delete(key);
  return true;
}

export function showFlag(options: FlagOptions): void {
  const key = String(options.id);
  closeFlag(key);
  const requested = options.appearance ?? options.type ?? 'info';
  const type: FlagType = flagTypes.includes(requested) ? requested : 'info';
  const urgent = type === 'error' || type === 'warning';
  const actions = (options.actions ?? []).map((action) =>
    h(
      'button',
      {
        type: 'button',
        class: 'flag-action',
        onclick: () => {
          action.onClick();
        },
      },
      action.text,
    ),
  );
  const element = h(
    'div',
    { class: `flag flag-${type}`, role: urgent ? 'alert' : 'status', 'data-flag-id': key },
    h('span', { class: 'flag-icon' }, svg(icons[type])),
    h(
      'div',
      { class: 'flag-body' },
      h('p', { class: 'flag-title' }, options.title ?? ''),
      options.description ? h('p', { class: 'flag-description' }, options.description) : null,
      actions.length > 0 ? h('div', { class: 'flag-actions' }, ...actions) : null,
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'flag-close',
        'aria-label': `Dismiss: ${options.title ?? 'notification'}`,
        onclick: () => closeFlag(key),
      },
      '×',
    ),
  );
  const timer = options.isAutoDismiss ? window.setTimeout(() => closeFlag(key), autoDismissMs) : undefined;
  flags.set(key, { element, timer });
  region().prepend(element);
}
