import type { z } from 'zod';
import {
  budgetCutAction,
  epicsNeedingAttentionAction,
  epicSummaryAction,
  portfolioKpisAction,
  type AgentAnswer,
} from '../contract/agent.contract';
import { failure, success, type Envelope } from '../contract/envelope';
import { jiraClient } from '../adapters/jira/jira-client';
import { jiraSiteLinks } from '../adapters/jira/jira-site-links';
import { budgetCutAnswer } from '../application/analyst/budget-cut-answer';
import { epicSummaryAnswer } from '../application/analyst/epic-summary-answer';
import { epicsAttentionAnswer } from '../application/analyst/epics-attention-answer';
import { portfolioKpisAnswer } from '../application/analyst/portfolio-kpis-answer';
import type { AnalystContext } from '../application/analyst/analyst-context';
import { asCaller, asViewer } from './as-caller';
import { fieldErrorsOf, toResolverError, type TrustedCaller } from './define-resolver';

/*
 * The VMO analyst's Rovo actions (manifest.yml, `action` modules listed by the `rovo:agent`): one
 * trust zone, one handler per action, since an action's payload names no action a single handler
 * could dispatch on. Forge calls each as a plain function, `(payload, context)`: `payload` holds
 * the action's inputs and a `context` (cloudId, moduleKey, and `jira` when the chat is opened on
 * an issue) (https://developer.atlassian.com/platform/forge/manifest-reference/modules/rovo-action/);
 * the second argument is the invocation context, whose `principal.accountId` is the user who is
 * chatting (https://developer.atlassian.com/platform/forge/function-reference/arguments/). The
 * inputs come from a language model, so they are parsed like any browser payload; every read is
 * made as that user (`asUser()`), under the same permission checks as the gadget, the planning
 * page and the panel. The answer is the resolvers' envelope: the agent relays `data.text` and
 * `data.links`, or `error.message` when the action refused.
 */

/** The invocation context Forge passes as the second argument; only the principal is trusted. */
interface ActionInvocationContext {
  principal?: { accountId?: unknown } | undefined;
}

function defineAction<Schema extends z.ZodType, Figures>(
  schema: Schema,
  handler: (input: z.output<Schema>, caller: TrustedCaller) => Promise<AgentAnswer<Figures>>,
): (payload: unknown, context?: ActionInvocationContext) => Promise<Envelope<AgentAnswer<Figures>>> {
  return async (payload, context) => {
    const accountId = context?.principal?.accountId;
    if (typeof accountId !== 'string' || accountId === '') {
      return failure({ code: 'UNAUTHENTICATED', message: 'Log in to Jira to ask the VMO analyst.' });
    }
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      return failure({
        code: 'BAD_REQUEST',
        message: `Some inputs are not valid: ${fields.map((field) => `${field.path} ${field.message}`).join('; ')}.`,
        fields,
      });
    }
    try {
      return success(await handler(parsed.data, { accountId }));
    } catch (error) {
      // What the panel needs to recover (`details`, e.g. an unreadable record) is no use in a chat.
      const { code, message, fields } = toResolverError(error);
      return failure({ code, message, ...(fields === undefined ? {} : { fields }) });
    }
  };
}

/** The gadget's and planning page's context as the asking user, with the site's links. */
function asAnalyst(caller: TrustedCaller): AnalystContext {
  const context = asViewer(caller);
  if (context.viewer === undefined) throw new Error('The viewer context names its viewer');
  return { ...context, viewer: context.viewer, links: jiraSiteLinks(jiraClient('user')) };
}

export const agentPortfolioKpis = defineAction(portfolioKpisAction, (input, caller) =>
  portfolioKpisAnswer(asAnalyst(caller), input),
);

export const agentEpicsAttention = defineAction(epicsNeedingAttentionAction, (input, caller) =>
  epicsAttentionAnswer(asAnalyst(caller), input),
);

export const agentBudgetCut = defineAction(budgetCutAction, (input, caller) =>
  budgetCutAnswer(asAnalyst(caller), input),
);

export const agentEpicSummary = defineAction(epicSummaryAction, (input, caller) =>
  epicSummaryAnswer({ ...asCaller(caller), links: jiraSiteLinks(jiraClient('user')) }, input),
);
