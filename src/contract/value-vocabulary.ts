/**
 * The closed vocabularies of the value record. The domain declares the same lists
 * (src/domain/model); a contract test checks that they stay equal.
 */
export const BENEFIT_KINDS = [
  'revenue',
  'cost_saving',
  'cost_avoidance',
  'risk_reduction',
  'customer',
  'strategic',
] as const;
export const EVIDENCE_GRADES = ['verified', 'measured', 'estimated'] as const;
export const EPIC_STATUSES = ['todo', 'in_progress', 'done'] as const;
export const OBJECTIVE_STATUSES = ['active', 'archived'] as const;

export const PORTFOLIO_FORMAT = 'value-layer.portfolio';
export const PORTFOLIO_VERSION = 1;
