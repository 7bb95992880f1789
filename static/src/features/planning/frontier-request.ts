import type { Scope } from '../../../../src/contract/gadget.contract';
import { budgetCutRequest, type BudgetCutErrors, type BudgetCutForm } from './budget-cut-form';
import type { FrontierRequest } from './planning-api';

/**
 * The frontier's request from the budget cut's form: the same scope, pins, objective floors and
 * "per quarter" (the cap itself is what the frontier varies), or the floors' errors to fix first.
 */
export function frontierRequest(
  form: BudgetCutForm,
  rest: { scope: Scope; pins: FrontierRequest['pins'] },
): { request: FrontierRequest; errors: null } | { request: null; errors: BudgetCutErrors } {
  const parsed = budgetCutRequest({ ...form, capKind: 'percent-cut', capValue: '0' }, rest);
  if (parsed.request === null) return parsed;
  const { scope, pins, floors } = parsed.request;
  return { request: { scope, perQuarter: form.perQuarter, pins, floors }, errors: null };
}
