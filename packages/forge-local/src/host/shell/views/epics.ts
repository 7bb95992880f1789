/** The epic picker: every epic the signed-in user can browse, searchable by key or summary. */
import type { EpicSummary } from '../../api-types';
import { api } from '../api';
import { describeError, fieldText, h, lozenge } from '../dom';
import { session } from '../session';

const searchDelayMs = 200;

export function renderEpics(container: HTMLElement): () => void {
  const { user } = session();
  const input = h('input', {
    id: 'epic-search',
    type: 'search',
    class: 'text-field',
    placeholder: 'Key or summary',
    autocomplete: 'off',
  });
  const status = h('p', { class: 'subtle', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'epic-results' });
  container.append(
    h(
      'section',
      { class: 'page', 'aria-labelledby': 'page-title' },
      h('h1', { id: 'page-title', tabindex: -1 }, 'Epics'),
      h(
        'p',
        { class: 'subtle' },
        `Open an epic to see its issue view with the app's issue panels. Listing the epics ${user.displayName} can browse.`,
      ),
      h(
        'form',
        {
          role: 'search',
          class: 'search',
          onsubmit: (e: Event) => {
            e.preventDefault();
          },
        },
        h('label', { for: 'epic-search' }, 'Search epics'),
        input,
      ),
      status,
      results,
    ),
  );

  let timer: number | undefined;
  let latest = 0;
  let disposed = false;

  async function load(): Promise<void> {
    const query = input.value.trim();
    const ticket = (latest += 1);
    status.textContent = 'Loading epics…';
    results.setAttribute('aria-busy', 'true');
    try {
      const { epics, truncated } = await api.epics(user.accountId, query);
      if (disposed || ticket !== latest) return;
      results.replaceChildren(epics.length > 0 ? table(epics) : emptyState(query));
      const count = epics.length === 1 ? '1 epic' : `${String(epics.length)} epics`;
      status.textContent = truncated
        ? `${count} among the first epics of a large site; type an exact key (e.g. PAY-12) to open any epic.`
        : count;
    } catch (error) {
      if (disposed || ticket !== latest) return;
      status.textContent = '';
      results.replaceChildren(
        h(
          'div',
          { class: 'inline-message inline-error', role: 'alert' },
          h('p', {}, `The epics could not be loaded: ${describeError(error)}`),
          h('button', { type: 'button', class: 'button', onclick: () => void load() }, 'Try again'),
        ),
      );
    } finally {
      if (ticket === latest) results.removeAttribute('aria-busy');
    }
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void load(), searchDelayMs);
  });
  void load();

  return () => {
    disposed = true;
    window.clearTimeout(timer);
  };
}

function table(epics: EpicSummary[]): HTMLElement {
  return h(
    'table',
    { class: 'issue-table' },
    h('caption', { class: 'visually-hidden' }, 'Epics'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['Key', 'Summary', 'Status', 'Project', ...(epics[0]?.appFields.map((f) => f.name) ?? [])].map(
          (label) => h('th', { scope: 'col' }, label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...epics.map((epic) =>
        h(
          'tr',
          {},
          h(
            'td',
            { class: 'issue-key' },
            h('a', { href: `/browse/${encodeURIComponent(epic.key)}` }, epic.key),
          ),
          h(
            'td',
            {},
            h(
              'a',
              { href: `/browse/${encodeURIComponent(epic.key)}`, tabindex: -1 },
              epic.summary || '(no summary)',
            ),
          ),
          h('td', {}, lozenge(epic.status, epic.statusCategory)),
          h('td', {}, epic.projectName || epic.projectKey),
          ...epic.appFields.map((field) =>
            h('td', field.type === 'number' ? { class: 'numeric' } : {}, fieldText(field.value)),
          ),
        ),
      ),
    ),
  );
}

function emptyState(query: string): HTMLElement {
  const { user } = session();
  const text = query
    ? `No epic's key or summary contains “${query}”.`
    : `${user.displayName} can't browse any epics on this site. Switch user, or start over with --reset and a seed that has epics.`;
  return h('div', { class: 'inline-message' }, h('p', {}, text));
}
