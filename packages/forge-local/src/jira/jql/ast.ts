/** The parsed form of a JQL query. */

export type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export interface FieldRef {
  /** The field as written, e.g. `project`, `teamScore`, `issue.property[team-data].index.score`. */
  text: string;
  /** For `issue.property[key].path`: the property key and the dot path (no leading dot). */
  property?: { key: string; path: string };
  position: number;
}

export type Operand =
  | { kind: 'value'; text: string; quoted: boolean; position: number }
  | { kind: 'function'; name: string; args: string[]; position: number }
  | { kind: 'list'; items: Operand[]; position: number }
  | { kind: 'empty'; position: number };

export type Clause =
  | { kind: 'and'; clauses: Clause[] }
  | { kind: 'or'; clauses: Clause[] }
  | { kind: 'not'; clause: Clause }
  | { kind: 'term'; field: FieldRef; operator: Operator; operand: Operand; position: number };

export interface SortKey {
  field: string;
  direction: 'ASC' | 'DESC';
  position: number;
}

export interface Query {
  where: Clause | null;
  orderBy: SortKey[];
}
