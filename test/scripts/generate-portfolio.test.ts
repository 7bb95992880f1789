import { parsePortfolioV1 } from '../../src/contract';
import { monthIndexOf } from '../../src/domain';
import { generatePortfolio } from '../../scripts/lib/generate-portfolio';

describe(generatePortfolio.name, () => {
  const portfolio = generatePortfolio({ epics: 300, projects: 4, seed: 7 });
  const entries = portfolio.epics.flatMap((epic) => [
    ...epic.value.costs.planned,
    ...epic.value.costs.actual,
    ...epic.value.benefits.flatMap((benefit) => [...benefit.planned, ...benefit.realised]),
  ]);

  it('returns a valid portfolio document, unchanged by validation', () => {
    expect(parsePortfolioV1(portfolio)).toEqual({ success: true, data: portfolio });
  });

  it('returns the same document for the same options and a different one for another seed', () => {
    expect(generatePortfolio({ epics: 300, projects: 4, seed: 7 })).toEqual(portfolio);
    expect(generatePortfolio({ epics: 300, projects: 4, seed: 8 })).not.toEqual(portfolio);
  });

  it('keeps every entry within the horizon: 24 months from 2025-12 by default', () => {
    const months = entries.map((entry) => monthIndexOf(entry.month));
    expect(Math.min(...months)).toBeGreaterThanOrEqual(monthIndexOf('2025-12'));
    expect(Math.max(...months)).toBeLessThanOrEqual(monthIndexOf('2027-11'));
  });

  it('has no realised benefit or actual cost after dataThrough', () => {
    const late = portfolio.epics.flatMap((epic) => [
      ...epic.value.costs.actual,
      ...epic.value.benefits.flatMap((benefit) => benefit.realised),
    ]);
    expect(late.every((entry) => entry.month <= '2026-11')).toBe(true);
  });

  it('makes believable variety: projects in order, programmes as parent keys, every status, grade and kind', () => {
    expect([...new Set(portfolio.epics.map((epic) => epic.project))]).toEqual(['PAY', 'CHK', 'CRM', 'OPS']);
    expect(portfolio.epics.some((epic) => epic.programme === null)).toBe(true);
    expect(portfolio.epics.every((epic) => epic.programme === null || /^PRG-\d+$/.test(epic.programme))).toBe(
      true,
    );
    expect(new Set(portfolio.epics.map((epic) => epic.status))).toEqual(
      new Set(['todo', 'in_progress', 'done']),
    );
    const realised = portfolio.epics.flatMap((epic) =>
      epic.value.benefits.flatMap((benefit) => benefit.realised),
    );
    expect(new Set(realised.map((entry) => entry.evidence))).toEqual(
      new Set(['verified', 'measured', 'estimated']),
    );
    const kinds = new Set(
      portfolio.epics.flatMap((epic) => epic.value.benefits.map((benefit) => benefit.kind)),
    );
    expect(kinds.size).toBe(6);
    expect(portfolio.epics.some((epic) => epic.status === 'done' && epic.value.nps !== null)).toBe(true);
    expect(portfolio.epics.every((epic) => epic.status === 'done' || epic.value.nps === null)).toBe(true);
    expect(portfolio.objectives.at(-1)?.status).toBe('archived');
  });
});
