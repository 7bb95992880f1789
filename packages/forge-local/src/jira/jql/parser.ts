/**
 * A recursive-descent JQL parser: fields, operators (`= != > >= < <= ~ !~ IN, NOT IN, IS, IS NOT`),
 * values, lists and functions, `AND`/`OR`/`NOT` with parentheses, and `ORDER BY`. Syntax errors
 * carry Jira's wording and position.
 */
import type { Clause, FieldRef, Operand, Operator, Query, SortKey } from './ast';
import { JqlError } from './jql-error';
import { tokenize, type Token } from './lexer';

const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'empty',
  'null',
  'order',
  'by',
  'asc',
  'desc',
  'was',
  'changed',
]);
const MAX_SORT_FIELDS = 7;

export function parseJql(jql: string): Query {
  return new Parser(tokenize(jql)).query();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  query(): Query {
    let where: Clause | null = null;
    if (!this.atEnd() && !this.isWord('order')) where = this.or();
    const orderBy = this.isWord('order') ? this.orderBy() : [];
    const next = this.peek();
    if (next.kind !== 'eof') {
      throw this.syntax(`Expecting either 'OR' or 'AND' but got '${next.text}'.`, next);
    }
    return { where, orderBy };
  }

  private or(): Clause {
    const clauses = [this.and()];
    while (this.isWord('or') || this.isWord('||')) {
      this.index++;
      clauses.push(this.and());
    }
    return clauses.length === 1 && clauses[0] ? clauses[0] : { kind: 'or', clauses };
  }

  private and(): Clause {
    const clauses = [this.unary()];
    while (this.isWord('and') || this.isWord('&&')) {
      this.index++;
      clauses.push(this.unary());
    }
    return clauses.length === 1 && clauses[0] ? clauses[0] : { kind: 'and', clauses };
  }

  private unary(): Clause {
    if (this.isWord('not')) {
      this.index++;
      return { kind: 'not', clause: this.unary() };
    }
    if (this.peek().kind === '(') {
      this.index++;
      const inner = this.or();
      if (this.peek().kind !== ')') {
        const got = this.peek();
        if (got.kind === 'eof')
          throw new JqlError("Error in the JQL Query: Expecting ')' before the end of the query.");
        throw this.syntax(`Expecting ')' but got '${got.text}'.`, got);
      }
      this.index++;
      return inner;
    }
    return this.term();
  }

  private term(): Clause {
    const field = this.field();
    const operator = this.operator();
    const operand = this.operand(operator);
    return { kind: 'term', field, operator, operand, position: field.position };
  }

  private field(): FieldRef {
    const token = this.peek();
    if (
      (token.kind !== 'word' && token.kind !== 'string') ||
      (token.kind === 'word' && KEYWORDS.has(token.text.toLowerCase()))
    ) {
      throw this.syntax(`Expecting a field name but got '${token.text}'.`, token);
    }
    this.index++;
    if (token.kind === 'word' && token.text.toLowerCase() === 'issue.property' && this.peek().kind === '[') {
      this.index++;
      const key = this.peek();
      if (key.kind !== 'word' && key.kind !== 'string')
        throw this.syntax(`Expecting a property key but got '${key.text}'.`, key);
      this.index++;
      if (this.peek().kind !== ']')
        throw this.syntax(`Expecting ']' but got '${this.peek().text}'.`, this.peek());
      this.index++;
      let path = '';
      const rest = this.peek();
      if (rest.kind === 'word' && rest.text.startsWith('.')) {
        path = rest.text.slice(1);
        this.index++;
      }
      const text = `issue.property[${key.text}]${path === '' ? '' : `.${path}`}`;
      return { text, property: { key: key.text, path }, position: token.position };
    }
    return { text: this.customFieldRef(token), position: token.position };
  }

  /** `cf[10010]`: a custom field by its number, one of the clause names Jira lists for it. */
  private customFieldRef(token: Token): string {
    if (token.kind !== 'word' || token.text.toLowerCase() !== 'cf' || this.peek().kind !== '[')
      return token.text;
    this.index++;
    const id = this.peek();
    if (id.kind !== 'word' || !/^\d+$/.test(id.text))
      throw this.syntax(`Expecting a custom field number but got '${id.text}'.`, id);
    this.index++;
    if (this.peek().kind !== ']')
      throw this.syntax(`Expecting ']' but got '${this.peek().text}'.`, this.peek());
    this.index++;
    return `cf[${id.text}]`;
  }

  private operator(): Operator {
    const token = this.peek();
    if (token.kind === 'op') {
      this.index++;
      return token.text as Operator;
    }
    if (token.kind === 'word') {
      const word = token.text.toLowerCase();
      if (word === 'in') {
        this.index++;
        return 'in';
      }
      if (word === 'not' && this.peekWord(1) === 'in') {
        this.index += 2;
        return 'not in';
      }
      if (word === 'is') {
        this.index++;
        if (this.isWord('not')) {
          this.index++;
          return 'is not';
        }
        return 'is';
      }
      if (word === 'was' || word === 'changed') {
        throw new JqlError(
          `The local Jira emulator does not support the history operator '${token.text.toUpperCase()}'.`,
        );
      }
    }
    throw this.syntax(
      `Expecting operator but got '${token.text}'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.`,
      token,
    );
  }

  private operand(operator: Operator): Operand {
    const token = this.peek();
    if (operator === 'is' || operator === 'is not') {
      if (
        token.kind === 'word' &&
        (token.text.toLowerCase() === 'empty' || token.text.toLowerCase() === 'null')
      ) {
        this.index++;
        return { kind: 'empty', position: token.position };
      }
      throw this.syntax(`Expecting 'EMPTY' or 'NULL' but got '${token.text}'.`, token);
    }
    if (operator === 'in' || operator === 'not in') {
      if (token.kind === '(') return this.list();
      if (token.kind === 'word' && this.tokens[this.index + 1]?.kind === '(') return this.value();
      throw this.syntax(`Expecting a list of values or a function but got '${token.text}'.`, token);
    }
    return this.value();
  }

  private list(): Operand {
    const open = this.peek();
    this.index++;
    const items: Operand[] = [this.value()];
    while (this.peek().kind === ',') {
      this.index++;
      items.push(this.value());
    }
    if (this.peek().kind !== ')')
      throw this.syntax(`Expecting ')' but got '${this.peek().text}'.`, this.peek());
    this.index++;
    return { kind: 'list', items, position: open.position };
  }

  private value(): Operand {
    const token = this.peek();
    if (token.kind === 'string') {
      this.index++;
      return { kind: 'value', text: token.text, quoted: true, position: token.position };
    }
    if (token.kind === 'word' && !['and', 'or', 'order', 'not'].includes(token.text.toLowerCase())) {
      this.index++;
      if (this.peek().kind === '(') {
        this.index++;
        const args: string[] = [];
        while (this.peek().kind !== ')') {
          const arg = this.peek();
          if (arg.kind !== 'word' && arg.kind !== 'string')
            throw this.syntax(`Expecting ')' but got '${arg.text}'.`, arg);
          args.push(arg.text);
          this.index++;
          if (this.peek().kind === ',') this.index++;
        }
        this.index++;
        return { kind: 'function', name: token.text, args, position: token.position };
      }
      return { kind: 'value', text: token.text, quoted: false, position: token.position };
    }
    throw this.syntax(
      `Expecting either a value, list or function but got '${token.text}'. You must surround '${token.text}' in quotation marks to use it as a value.`,
      token,
    );
  }

  private orderBy(): SortKey[] {
    this.index++;
    if (!this.isWord('by')) throw this.syntax(`Expecting 'by' but got '${this.peek().text}'.`, this.peek());
    this.index++;
    const keys: SortKey[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'word' && token.kind !== 'string')
        throw this.syntax(`Expecting a field name but got '${token.text}'.`, token);
      this.index++;
      const field = this.customFieldRef(token);
      let direction: 'ASC' | 'DESC' = 'ASC';
      if (this.isWord('asc') || this.isWord('desc')) {
        direction = this.peek().text.toUpperCase() as 'ASC' | 'DESC';
        this.index++;
      }
      keys.push({ field, direction, position: token.position });
      if (this.peek().kind !== ',') break;
      this.index++;
    }
    if (keys.length > MAX_SORT_FIELDS) {
      throw new JqlError(`The ORDER BY clause can contain a maximum of ${String(MAX_SORT_FIELDS)} fields.`);
    }
    return keys;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? { kind: 'eof', text: 'EOF', position: 0 };
  }

  private peekWord(ahead: number): string | undefined {
    const token = this.tokens[this.index + ahead];
    return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toLowerCase() === word;
  }

  private atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  private syntax(message: string, token: Token): JqlError {
    return new JqlError(`Error in the JQL Query: ${message} (line 1, character ${String(token.position)})`);
  }
}
