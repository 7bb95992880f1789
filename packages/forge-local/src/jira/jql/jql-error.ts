/** A JQL problem, answered as Jira does: 400 `{"errorMessages":[...],"errors":{}}`. */
export class JqlError extends Error {
  readonly messages: string[];

  constructor(messages: string | string[]) {
    const list = Array.isArray(messages) ? messages : [messages];
    super(list.join(' '));
    this.name = 'JqlError';
    this.messages = list;
  }
}
