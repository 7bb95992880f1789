/**
 * The issue view's Activity section: the issue's comments as Jira's issue view lists them, newest
 * first, read as the signed-in user through `GET /rest/api/3/issue/{key}/comment`. Bodies are
 * Atlassian Documents; text, mentions (shown as @ and the user's display name, as Jira does), hard
 * breaks and paragraphs are drawn, anything else as its text. Jira's comment permalink,
 * `/browse/KEY?focusedCommentId=ID` (where a notification leads), scrolls to that comment and
 * highlights it.
 */
import { api } from '../api';
import { h } from '../dom';

interface AdfNode {
  type?: string;
  text?: string;
  attrs?: { id?: string; text?: string };
  content?: AdfNode[];
}

interface CommentItem {
  id: string;
  author?: { accountId?: string; displayName?: string };
  created?: string;
  body?: AdfNode;
}

function mentionIds(node: AdfNode | undefined, out = new Set<string>()): Set<string> {
  if (node?.type === 'mention' && typeof node.attrs?.id === 'string') out.add(node.attrs.id);
  for (const child of node?.content ?? []) mentionIds(child, out);
  return out;
}

function inline(node: AdfNode, names: Map<string, string>): (Node | string)[] {
  switch (node.type) {
    case 'text':
      return [node.text ?? ''];
    case 'hardBreak':
      return [h('br')];
    case 'mention': {
      const id = node.attrs?.id ?? '';
      const name = names.get(id) ?? node.attrs?.text?.replace(/^@/, '') ?? 'Unknown user';
      return [h('span', { class: 'comment-mention', 'data-account-id': id }, `@${name}`)];
    }
    default:
      return (node.content ?? []).flatMap((child) => inline(child, names));
  }
}

function block(node: AdfNode, names: Map<string, string>): HTMLElement {
  return h('p', {}, ...inline(node, names));
}

async function displayNames(accountId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const query = ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
  const response = await api.jira({ accountId, method: 'GET', path: `/rest/api/3/user/bulk?${query}` });
  if (response.status !== 200) return new Map();
  const page = JSON.parse(response.body) as { values?: { accountId: string; displayName: string }[] };
  return new Map((page.values ?? []).map((user) => [user.accountId, user.displayName]));
}

/** The Activity section of `issueKey`, filled in once the comments are read. */
export function commentsSection(accountId: string, issueKey: string): HTMLElement {
  const list = h('ol', { class: 'comment-list' });
  const status = h('p', { class: 'inline-message', role: 'status' }, 'Loading comments…');
  const section = h(
    'section',
    { class: 'issue-activity', 'aria-labelledby': 'issue-activity-title' },
    h('h2', { class: 'app-panel-title', id: 'issue-activity-title' }, 'Activity'),
    status,
    list,
  );
  void (async () => {
    try {
      const response = await api.jira({
        accountId,
        method: 'GET',
        path: `/rest/api/3/issue/${encodeURIComponent(issueKey)}/comment?orderBy=-created&maxResults=100`,
      });
      if (response.status !== 200) {
        status.textContent = `Comments could not be read (HTTP ${String(response.status)}).`;
        return;
      }
      const comments = (JSON.parse(response.body) as { comments?: CommentItem[] }).comments ?? [];
      const names = await displayNames(accountId, [
        ...new Set(comments.flatMap((comment) => [...mentionIds(comment.body)])),
      ]);
      status.textContent = comments.length === 0 ? 'No comments yet.' : '';
      if (comments.length > 0) status.remove();
      const focusedId = new URLSearchParams(window.location.search).get('focusedCommentId');
      for (const comment of comments) {
        const focused = comment.id === focusedId;
        list.append(
          h(
            'li',
            {
              class: focused ? 'comment comment-focused' : 'comment',
              id: `comment-${comment.id}`,
              'data-comment-id': comment.id,
              ...(focused ? { tabindex: -1, 'aria-current': 'true' } : {}),
            },
            h(
              'p',
              { class: 'comment-meta' },
              h('strong', {}, comment.author?.displayName ?? 'Unknown user'),
              ` ${comment.created ?? ''}`,
            ),
            ...(comment.body?.content ?? []).map((node) => block(node, names)),
          ),
        );
      }
      const target = list.querySelector<HTMLElement>('.comment-focused');
      if (target) {
        target.scrollIntoView({ block: 'center' });
        target.focus({ preventScroll: true });
      }
    } catch (error) {
      status.textContent = `Comments could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
  })();
  return section;
}
