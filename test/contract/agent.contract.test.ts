import { budgetCutAction, epicSummaryAction, portfolioKpisAction } from '../../src/contract/agent.contract';

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

/** The VMO analyst's action inputs, as Rovo fills them from a conversation. */
describe('portfolioKpisAction', () => {
  it('returns the all scope when neither projects nor JQL is given, or both are empty', () => {
    expect(portfolioKpisAction.parse({ context: { cloudId: 'c', moduleKey: 'm' } })).toEqual({
      scope: { kind: 'all' },
    });
    expect(portfolioKpisAction.parse({ projects: ' ', jql: '' })).toEqual({ scope: { kind: 'all' } });
  });

  it('returns the project keys in upper case, once each, whatever separates them', () => {
    expect(portfolioKpisAction.parse({ projects: 'pay, CRM;pay  ops' })).toEqual({
      scope: { kind: 'projects', projects: ['PAY', 'CRM', 'OPS'] },
    });
  });

  it('returns a JQL scope for JQL', () => {
    expect(portfolioKpisAction.parse({ jql: ' project = PAY ' })).toEqual({
      scope: { kind: 'jql', jql: 'project = PAY' },
    });
  });

  it('fails on the jql input when both are given', () => {
    expect(pathsOf(portfolioKpisAction.safeParse({ projects: 'PAY', jql: 'project = PAY' }))).toEqual([
      'jql',
    ]);
  });

  it('fails on the projects input for a word that is no project key', () => {
    const result = portfolioKpisAction.safeParse({ projects: 'PAY, 12-x' });

    expect(pathsOf(result)).toEqual(['projects']);
    expect(result.error?.issues[0]?.message).toBe('must be a Jira project key such as PAY');
  });

  it('fails on an input of the wrong type, naming it', () => {
    expect(pathsOf(portfolioKpisAction.safeParse({ projects: 42 }))).toEqual(['projects']);
  });
});

describe('budgetCutAction', () => {
  it('returns a percent cut of the whole year', () => {
    expect(budgetCutAction.parse({ cutPercent: 20 })).toEqual({
      scope: { kind: 'all' },
      cap: { kind: 'percent-cut', percent: 20, perQuarter: false },
    });
  });

  it('returns a cap in the site currency', () => {
    expect(budgetCutAction.parse({ capAmount: 1500.5, projects: 'PAY' })).toEqual({
      scope: { kind: 'projects', projects: ['PAY'] },
      cap: { kind: 'amount', amount: 1500.5, perQuarter: false },
    });
  });

  it.each([
    ['neither', {}],
    ['both', { cutPercent: 10, capAmount: 100 }],
  ])('fails on cutPercent when %s of cut and cap is given', (_what, input) => {
    expect(pathsOf(budgetCutAction.safeParse(input))).toEqual(['cutPercent']);
  });

  it('fails on a negative cap, naming it', () => {
    expect(pathsOf(budgetCutAction.safeParse({ capAmount: -1 }))).toEqual(['capAmount']);
  });
});

describe('epicSummaryAction', () => {
  it('returns the named epic in upper case', () => {
    expect(epicSummaryAction.parse({ issueKey: ' pay-12 ' })).toEqual({ issueKey: 'PAY-12' });
  });

  it("returns the chat's issue when none is named", () => {
    expect(epicSummaryAction.parse({ issueKey: '', context: { jira: { issueKey: 'CRM-3' } } })).toEqual({
      issueKey: 'CRM-3',
    });
  });

  it('prefers the named epic to the chat issue', () => {
    expect(epicSummaryAction.parse({ issueKey: 'PAY-1', context: { jira: { issueKey: 'CRM-3' } } })).toEqual({
      issueKey: 'PAY-1',
    });
  });

  it('fails on issueKey, asking for the epic, when there is none', () => {
    const result = epicSummaryAction.safeParse({});

    expect(pathsOf(result)).toEqual(['issueKey']);
    expect(result.error?.issues[0]?.message).toBe('name the epic by its issue key, such as PAY-12');
  });

  it('fails on issueKey for text that is no issue key', () => {
    expect(pathsOf(epicSummaryAction.safeParse({ issueKey: 'the payments epic' }))).toEqual(['issueKey']);
  });
});
