import { z } from 'zod';
import { scopeSchema, type Scope } from './gadget.contract';
import { issueKeySchema, MAX_AMOUNT } from './primitives.schema';

/**
 * The inputs of the VMO analyst's Rovo actions (manifest.yml, `action` modules). Rovo fills them
 * from the conversation as flat primitives (string, number, integer, boolean: the manifest's
 * input types), next to a `context` object Forge adds
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/rovo-action/). Each
 * schema reads only its own inputs and the issue key Jira's context may carry; anything else in
 * the payload is ignored, since Rovo may add fields of its own.
 */

/** The key of every action module, as manifest.yml names it. */
export const AGENT_ACTIONS = {
  portfolioKpis: 'value-portfolio-kpis',
  epicsNeedingAttention: 'value-epics-attention',
  budgetCut: 'value-budget-cut',
  epicSummary: 'value-epic-summary',
} as const;

/** What Forge adds to an action's payload when the chat is opened on a Jira issue (optional). */
const actionContextSchema = z
  .object({
    jira: z.object({ issueKey: z.string().optional() }).loose().optional(),
  })
  .loose()
  .optional();

/** An optional text input: Rovo may send an empty string for an input the user did not give. */
const optionalText = z
  .string({ error: 'must be text' })
  .trim()
  .max(2000, { error: 'must be at most 2,000 characters' })
  .optional()
  .transform((text) => (text === undefined || text === '' ? undefined : text));

/**
 * The scope of a question, in the words Rovo can fill: project keys (comma- or space-separated,
 * any case) or a JQL filter; neither means every epic the user may browse. Both at once is
 * refused, naming the fields, rather than guessing which one was meant.
 */
const scopeInputs = {
  projects: optionalText,
  jql: optionalText,
};

function scopeOf(
  input: { projects?: string | undefined; jql?: string | undefined },
  ctx: z.RefinementCtx,
): Scope {
  if (input.projects !== undefined && input.jql !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['jql'], message: 'give either projects or jql, not both' });
    return { kind: 'all' };
  }
  const raw: unknown =
    input.jql !== undefined
      ? { kind: 'jql', jql: input.jql }
      : input.projects !== undefined
        ? {
            kind: 'projects',
            projects: [
              ...new Set(
                input.projects
                  .split(/[\s,;]+/)
                  .filter((key) => key !== '')
                  .map((key) => key.toUpperCase()),
              ),
            ],
          }
        : { kind: 'all' };
  const parsed = scopeSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({
      code: 'custom',
      path: [input.jql !== undefined ? 'jql' : 'projects'],
      message: issue.message,
    });
  }
  return { kind: 'all' };
}

/** Portfolio KPIs for a scope. */
export const portfolioKpisAction = z
  .object({ ...scopeInputs, context: actionContextSchema })
  .transform((input, ctx) => ({ scope: scopeOf(input, ctx) }));

/** The epics behind plan or with the stop signal in a scope. */
export const epicsNeedingAttentionAction = portfolioKpisAction;

/**
 * The budget-cut scenario: a cut of `cutPercent` % from the forecast spend of the year ahead, or
 * a cap of `capAmount` (site currency, major units) on it; exactly one of the two.
 */
export const budgetCutAction = z
  .object({
    ...scopeInputs,
    cutPercent: z
      .number({ error: 'must be a percentage' })
      .min(0, { error: 'must not be negative' })
      .max(100, { error: 'cannot cut more than 100% of the forecast' })
      .optional(),
    capAmount: z
      .number({ error: 'must be an amount' })
      .min(0, { error: 'must not be negative' })
      .max(MAX_AMOUNT, { error: `must be at most ${MAX_AMOUNT.toLocaleString('en')}` })
      .optional(),
    context: actionContextSchema,
  })
  .transform((input, ctx) => {
    const scope = scopeOf(input, ctx);
    if ((input.cutPercent === undefined) === (input.capAmount === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['cutPercent'],
        message:
          'give either cutPercent (a % cut of the forecast) or capAmount (a spending cap), one of them',
      });
      return z.NEVER;
    }
    const cap: BudgetCutCap =
      input.cutPercent === undefined
        ? { kind: 'amount', amount: input.capAmount ?? 0, perQuarter: false }
        : { kind: 'percent-cut', percent: input.cutPercent, perQuarter: false };
    return { scope, cap };
  });

/** The cap a budget-cut question sets on the year's spend (always over the whole year). */
export type BudgetCutCap =
  | { kind: 'percent-cut'; percent: number; perQuarter: false }
  | { kind: 'amount'; amount: number; perQuarter: false };

/** One epic's value summary: the epic named, else the issue the chat was opened on. */
export const epicSummaryAction = z
  .object({
    issueKey: z
      .string({ error: 'must be text' })
      .trim()
      .optional()
      .transform((key) => (key === undefined || key === '' ? undefined : key.toUpperCase())),
    context: actionContextSchema,
  })
  .transform((input, ctx) => {
    const key = input.issueKey ?? input.context?.jira?.issueKey;
    const parsed = issueKeySchema.safeParse(key);
    if (!parsed.success) {
      ctx.addIssue({
        code: 'custom',
        path: ['issueKey'],
        message:
          key === undefined
            ? 'name the epic by its issue key, such as PAY-12'
            : 'must be a Jira issue key such as PAY-12',
      });
      return z.NEVER;
    }
    return { issueKey: parsed.data };
  });

/** A link the agent shows with its answer. */
export interface AgentLink {
  title: string;
  url: string;
}

/**
 * An action's answer: the figures as short text the agent can quote (money in the site currency,
 * KPI names as on screen), the same figures as data, and links to the epics and to the page the
 * figures come from.
 */
export interface AgentAnswer<Figures = unknown> {
  text: string;
  figures: Figures;
  links: AgentLink[];
}
