import { z } from 'zod';
import { accountIdSchema, instantSchema } from './benefit-profile.schema';
import { MAX_SCENARIO_NAME_LENGTH, VALUE_DECISION_CHOICES } from './value-vocabulary';

/** A scenario's name as a decision records it: 1-120 characters, no line breaks. */
export const scenarioNameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(MAX_SCENARIO_NAME_LENGTH, `must be at most ${String(MAX_SCENARIO_NAME_LENGTH)} characters`)
  .regex(/^[^\p{Cc}]*$/u, 'must be one line without control characters');

export const valueDecisionChoiceSchema = z.enum(VALUE_DECISION_CHOICES);

/**
 * The decision last applied from a value planning scenario (issue #16), as it travels in the value
 * record and the portfolio format. Only applying a scenario sets it; a panel save or an import
 * keeps the stored one.
 */
export const valueDecisionSchema = z.strictObject({
  choice: valueDecisionChoiceSchema,
  scenario: scenarioNameSchema,
  by: accountIdSchema,
  at: instantSchema,
});
