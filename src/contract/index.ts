/**
 * The wire contract shared by the back end and the Custom UI: zod schemas of the portfolio
 * format (v1) and of an epic's value record, their inferred types, and issue formatting.
 * Imports zod only.
 */
export { amountDecimalsOf, CURRENCY_CODES, currencyExponentOf, MAX_AMOUNT_DECIMALS } from './currencies';
export {
  BENEFIT_KINDS,
  EPIC_STATUSES,
  EVIDENCE_GRADES,
  OBJECTIVE_STATUSES,
  PORTFOLIO_FORMAT,
  PORTFOLIO_VERSION,
  MAX_SCENARIO_NAME_LENGTH,
  VALUE_DECISION_CHOICES,
} from './value-vocabulary';
export {
  amountSchema,
  hasAtMostDecimals,
  identifierSchema,
  issueKeySchema,
  MAX_AMOUNT,
  MAX_WEIGHT_DECIMALS,
  probabilitySchema,
  projectKeySchema,
  shareSchema,
  yearMonthSchema,
} from './primitives.schema';
export {
  benefitSchema,
  currencyDecimalIssues,
  epicValueIssues,
  epicValueSchema,
  monthlyAmountSchema,
  npsCountsSchema,
  objectiveLinkSchema,
  parseEpicValue,
  realisedAmountSchema,
  type EpicValueDocument,
  type EpicValueDocumentInput,
} from './epic-value.schema';
export {
  epicSchema,
  objectiveSchema,
  parsePortfolioV1,
  portfolioIssues,
  portfolioV1Schema,
  settingsSchema,
  type PortfolioDocument,
  type PortfolioDocumentInput,
} from './portfolio-v1.schema';
export {
  formatIssuePath,
  formatIssues,
  toValidationIssues,
  type ValidationIssue,
  type ValidationResult,
} from './validation-issue';
