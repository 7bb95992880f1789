/** A tiny element builder: enough for a shell of a few pages, without a framework. */

type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | EventListener | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  return element;
}

/** An inline SVG from trusted markup in this codebase (icons), never from data. */
export function svg(markup: string): Element {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  const element = template.content.firstElementChild;
  if (!element) throw new Error('svg() needs one element of markup.');
  element.setAttribute('aria-hidden', 'true');
  element.setAttribute('focusable', 'false');
  return element;
}

/** A Jira-style status lozenge; the category picks the colour, the text always says it too. */
export function lozenge(text: string, category: string): HTMLElement {
  const tone = category === 'done' ? 'success' : category === 'indeterminate' ? 'information' : 'neutral';
  return h('span', { class: `lozenge lozenge-${tone}` }, text);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A page-level message: empty results, no access, not found, a failed load with a way out. */
export function messagePage(options: {
  title: string;
  body: string;
  action?: { label: string; href?: string; onClick?: () => void };
  tone?: 'neutral' | 'error';
}): HTMLElement {
  const { action } = options;
  let actionElement: HTMLElement | null = null;
  if (action?.href)
    actionElement = h('a', { class: 'button button-primary', href: action.href }, action.label);
  else if (action?.onClick)
    actionElement = h(
      'button',
      { class: 'button button-primary', type: 'button', onclick: action.onClick },
      action.label,
    );
  return h(
    'section',
    { class: `message-page message-${options.tone ?? 'neutral'}`, 'aria-labelledby': 'message-title' },
    h('h1', { id: 'message-title', tabindex: -1 }, options.title),
    h('p', {}, options.body),
    actionElement,
  );
}

/** A custom field's value as Jira's issue view and list show it: numbers grouped, empty as "None". */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'None';
  if (typeof value === 'number') return value.toLocaleString('en', { maximumFractionDigits: 4 });
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
