/** Splits a JQL string into tokens, keeping each token's 1-based position for Jira-style errors. */
import { JqlError } from './jql-error';

export type TokenKind = 'word' | 'string' | 'op' | '(' | ')' | ',' | '[' | ']' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based character position in the query, as Jira reports it. */
  position: number;
}

const OPERATORS = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'];
const PUNCTUATION = new Set(['(', ')', ',', '[', ']']);
/** Characters that end an unquoted word. */
const WORD_BREAK = /[\s()[\],=!<>~"']/;

export function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (PUNCTUATION.has(c)) {
      tokens.push({ kind: c as TokenKind, text: c, position: i + 1 });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => jql.startsWith(o, i));
    if (op !== undefined) {
      tokens.push({ kind: 'op', text: op, position: i + 1 });
      i += op.length;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i;
      let text = '';
      i++;
      while (i < jql.length && jql.charAt(i) !== c) {
        if (jql.charAt(i) === '\\' && i + 1 < jql.length) {
          text += unescape(jql.charAt(i + 1));
          i += 2;
        } else {
          text += jql.charAt(i);
          i++;
        }
      }
      if (i >= jql.length) {
        throw new JqlError(
          `Error in the JQL Query: The quoted string '${text}' has not been completed. (line 1, character ${String(start + 1)})`,
        );
      }
      i++;
      tokens.push({ kind: 'string', text, position: start + 1 });
      continue;
    }
    const start = i;
    while (i < jql.length && !WORD_BREAK.test(jql.charAt(i))) i++;
    if (i === start) {
      throw new JqlError(
        `Error in the JQL Query: The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}' instead. (line 1, character ${String(i + 1)})`,
      );
    }
    tokens.push({ kind: 'word', text: jql.slice(start, i), position: start + 1 });
  }
  tokens.push({ kind: 'eof', text: 'EOF', position: jql.length + 1 });
  return tokens;
}

function unescape(c: string): string {
  if (c === 'n') return '\n';
  if (c === 't') return '\t';
  if (c === 'r') return '\r';
  return c;
}
