/**
 * The contract (zod, shared with the front end) and the domain (pure) each declare the value
 * vocabulary and the document shape, because neither may import the other. These checks keep
 * them in step: the lists must be equal, and a validated document must type-check as the
 * domain's record (a compile error here means the two shapes drifted apart).
 */
import * as contract from '../../src/contract';
import * as domain from '../../src/domain';
import { workedExampleDocument } from '../fixtures/worked-example';

describe('contract and domain vocabularies', () => {
  it('have the same benefit kinds, evidence grades, epic and objective statuses', () => {
    expect(contract.BENEFIT_KINDS).toEqual(domain.BENEFIT_KINDS);
    expect(contract.EVIDENCE_GRADES).toEqual(domain.EVIDENCE_GRADES);
    expect(contract.EPIC_STATUSES).toEqual(domain.EPIC_STATUSES);
    expect(contract.OBJECTIVE_STATUSES).toEqual(domain.OBJECTIVE_STATUSES);
  });

  it('have the same scenario decision choices and scenario name limit', () => {
    expect(contract.VALUE_DECISION_CHOICES).toEqual(domain.VALUE_DECISION_CHOICES);
    expect(contract.MAX_SCENARIO_NAME_LENGTH).toBe(domain.MAX_SCENARIO_NAME_LENGTH);
  });
});

describe('a validated portfolio document', () => {
  it('is a domain PortfolioRecord the engine can report on', () => {
    const result = contract.parsePortfolioV1(workedExampleDocument());
    if (!result.success) {
      throw new Error('the worked example must be valid');
    }
    const record: domain.PortfolioRecord = result.data;
    const epicValue: domain.EpicValueRecord | undefined = result.data.epics[0]?.value;
    const report = domain.portfolioReport({ portfolio: record, currencyExponent: 2, asOf: '2026-03' });
    expect(report.portfolio.epics).toBe(2);
    expect(epicValue?.successProbability).toBe(0.8);
  });
});
