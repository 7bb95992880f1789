/**
 * Jira's issue view, reduced to what an app's issue panel lives next to: key, summary, type, status,
 * parent, project, the app's issue panels (shown where their `issueType` display condition
 * allows, as Jira does) and the issue's comments (Activity).
 */
import type { IssueDetails, UiModuleInfo } from '../../api-types';
import { api, HostCallError } from '../api';
import { describeError, fieldText, h, lozenge, messagePage } from '../dom';
import { showFlag } from '../flags';
import { emitToFrames, mountModuleFrame, type MountedFrame } from '../forge-host';
import { session } from '../session';
import { commentsSection } from './issue-comments';

export function renderIssue(container: HTMLElement, issueKey: string): () => void {
  let frames: MountedFrame[] = [];
  let disposed = false;

  function clear(): void {
    for (const frame of frames) frame.destroy();
    frames = [];
    container.replaceChildren();
  }

  async function load(): Promise<void> {
    const { user } = session();
    clear();
    container.append(h('p', { class: 'page-loading', role: 'status' }, `Loading ${issueKey}…`));
    let issue: IssueDetails;
    try {
      issue = await api.issue(user.accountId, issueKey);
    } catch (error) {
      if (disposed) return;
      clear();
      container.append(
        error instanceof HostCallError && error.status === 404
          ? messagePage({
              title: "You can't view this issue",
              body: `${issueKey} doesn't exist, or ${user.displayName} doesn't have permission to see it.`,
              action: { label: 'Back to epics', href: '/issues' },
            })
          : messagePage({
              title: 'The issue could not be loaded',
              body: describeError(error),
              action: { label: 'Try again', onClick: () => void load() },
              tone: 'error',
            }),
      );
      return;
    }
    if (disposed) return;
    clear();
    document.title = `[${issue.key}] ${issue.summary} - Jira`;
    container.append(layout(issue));
  }

  function layout(issue: IssueDetails): HTMLElement {
    const summary = h('h1', { id: 'issue-summary', class: 'issue-summary', tabindex: -1 }, issue.summary);
    const editButton = h(
      'button',
      { type: 'button', class: 'button button-subtle', 'aria-label': 'Edit summary' },
      'Edit',
    );
    const heading = h('div', { class: 'issue-heading' }, summary, editButton);
    editButton.addEventListener('click', () => {
      heading.replaceWith(summaryForm(issue, heading, summary));
    });
    return h(
      'article',
      { class: 'issue-view', 'aria-labelledby': 'issue-summary' },
      h(
        'nav',
        { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' },
        h(
          'ol',
          {},
          h('li', {}, 'Projects'),
          h('li', {}, issue.project.name || issue.project.key),
          h(
            'li',
            {},
            h('a', { href: `/browse/${encodeURIComponent(issue.key)}`, 'aria-current': 'page' }, issue.key),
          ),
        ),
      ),
      h(
        'div',
        { class: 'issue-layout' },
        h(
          'div',
          { class: 'issue-main' },
          heading,
          panels(issue),
          commentsSection(session().user.accountId, issue.key),
        ),
        details(issue),
      ),
    );
  }

  function summaryForm(issue: IssueDetails, heading: HTMLElement, summary: HTMLElement): HTMLElement {
    const input = h('input', {
      id: 'summary-input',
      class: 'text-field',
      value: issue.summary,
      required: true,
      maxlength: 255,
    });
    const form = h(
      'form',
      { class: 'summary-form' },
      h('label', { for: 'summary-input', class: 'visually-hidden' }, 'Summary'),
      input,
      h('button', { type: 'submit', class: 'button button-primary' }, 'Save'),
      h(
        'button',
        {
          type: 'button',
          class: 'button',
          onclick: () => {
            form.replaceWith(heading);
          },
        },
        'Cancel',
      ),
    );
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') form.replaceWith(heading);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void saveSummary(issue, input.value.trim()).then((saved) => {
        if (!saved) return;
        summary.textContent = issue.summary;
        form.replaceWith(heading);
      });
    });
    window.setTimeout(() => {
      input.select();
    });
    return form;
  }

  async function saveSummary(issue: IssueDetails, text: string): Promise<boolean> {
    if (!text || text === issue.summary) return text !== '';
    const { user } = session();
    try {
      const response = await api.jira({
        accountId: user.accountId,
        method: 'PUT',
        path: `/rest/api/3/issue/${encodeURIComponent(issue.key)}`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fields: { summary: text } }),
      });
      if (response.status >= 300) {
        const reason =
          response.status === 403
            ? `${user.displayName} can't edit ${issue.key}.`
            : `Jira answered ${String(response.status)} ${response.statusText}.`;
        showFlag({
          id: 'summary-save',
          type: 'error',
          title: 'The summary was not saved',
          description: reason,
        });
        return false;
      }
    } catch (error) {
      showFlag({
        id: 'summary-save',
        type: 'error',
        title: 'The summary was not saved',
        description: describeError(error),
      });
      return false;
    }
    issue.summary = text;
    // What Jira tells the issue's app frames after an edit (forge-platform.md §1.1).
    emitToFrames('JIRA_ISSUE_CHANGED', {
      issueId: issue.id,
      projectId: issue.project.id,
      changes: [{ changeType: 'updated', atlassianId: user.accountId }],
    });
    showFlag({ id: 'summary-save', type: 'success', title: `${issue.key} updated`, isAutoDismiss: true });
    return true;
  }

  function panels(issue: IssueDetails): HTMLElement {
    const { site } = session();
    const panelModules = site.modules.filter((m) => m.type === 'jira:issuePanel');
    const shown = panelModules.filter((m) => !m.issueTypes || m.issueTypes.includes(issue.issueType.name));
    const section = h('section', { class: 'issue-apps', 'aria-label': 'App panels' });
    if (shown.length === 0) {
      const hidden = panelModules.map((m) => m.title).join(', ');
      section.append(
        h(
          'p',
          { class: 'inline-message' },
          hidden
            ? `${hidden} shows on ${panelModules.flatMap((m) => m.issueTypes ?? []).join(' and ')} issues only, not on a ${issue.issueType.name}.`
            : 'The app has no issue panels.',
        ),
      );
      return section;
    }
    for (const module of shown) section.append(panel(issue, module));
    return section;
  }

  function panel(issue: IssueDetails, module: UiModuleInfo): HTMLElement {
    const frame = mountModuleFrame(
      {
        module,
        src: module.resourceUrl,
        localId: `${module.key}-${issue.id}`,
        extension: {
          type: module.type,
          issue: { id: issue.id, key: issue.key, type: issue.issueType.name, typeId: issue.issueType.id },
          project: { id: issue.project.id, key: issue.project.key, type: issue.project.type },
          isNewToIssue: false,
        },
        // The issue view supports view.refresh(): it reloads the issue and its panels.
        refresh: () => {
          void load();
          return true;
        },
      },
      `${module.title} (app panel for ${issue.key})`,
    );
    frames.push(frame);
    return h(
      'section',
      { class: 'app-panel', 'aria-labelledby': `panel-${module.key}` },
      h(
        'h2',
        { class: 'app-panel-title', id: `panel-${module.key}` },
        module.iconUrl ? h('img', { src: module.iconUrl, alt: '', width: 16, height: 16 }) : null,
        module.title,
      ),
      frame.element,
    );
  }

  function details(issue: IssueDetails): HTMLElement {
    const row = (label: string, value: Node | string): HTMLElement[] => [
      h('dt', {}, label),
      h('dd', {}, value),
    ];
    return h(
      'aside',
      { class: 'issue-details', 'aria-label': 'Details' },
      h('div', { class: 'issue-status' }, lozenge(issue.status.name, issue.status.category)),
      h(
        'dl',
        {},
        ...row('Key', issue.key),
        ...row('Type', issue.issueType.name),
        ...row('Status', issue.status.name),
        ...row(
          'Parent',
          issue.parent
            ? h(
                'a',
                { href: `/browse/${encodeURIComponent(issue.parent.key)}` },
                `${issue.parent.key} ${issue.parent.summary}`,
              )
            : 'None',
        ),
        ...row('Project', `${issue.project.name} (${issue.project.key})`),
        ...issue.appFields.flatMap((field) => row(field.name, fieldText(field.value))),
      ),
    );
  }

  void load();
  return () => {
    disposed = true;
    clear();
  };
}
