/**
 * What the epic panel's tests share: an epic value view as the server sends it, and a fake host
 * that answers the panel's resolver calls and Jira's user/bulk from in-memory state.
 */
import { render, screen } from '@testing-library/react';
import { createElement } from 'react';
import type { Envelope } from '../../../src/contract/envelope';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import type {
  ApprovedBaselineView,
  BaselineHistoryView,
  EpicHistoryPage,
  EpicValueView,
} from '../../../src/contract/panel.contract';
import type { EpicReviewsView } from '../../../src/contract/review.contract';
import { forgetDisplayNames } from '../../../static/src/features/epic-panel/api';
import { EpicPanel } from '../../../static/src/features/epic-panel/epic-panel';
import { EMPTY_KPIS } from '../../fixtures/empty-kpi-figures';
import { fakeBridge } from '../fake-bridge';

export { EMPTY_KPIS };

export const EMPTY_VALUE: EpicValueDocument = {
  successProbability: 1,
  objectives: [],
  benefits: [],
  costs: { planned: [], actual: [] },
  nps: null,
};

/** The defaults the server sends (src/domain/ranges/estimates.ts). */
export const RANGE_DEFAULTS: EpicValueView['rangeDefaults'] = {
  benefit: {
    verified: { low: 90, likely: 100, high: 110 },
    measured: { low: 70, likely: 100, high: 115 },
    estimated: { low: 40, likely: 100, high: 120 },
  },
  costOverrun: {
    verified: { low: -5, likely: 0, high: 10 },
    measured: { low: -10, likely: 0, high: 25 },
    estimated: { low: -10, likely: 0, high: 50 },
  },
};

export const USERS: Record<string, string> = {
  'acc-sam': 'Sam Okafor',
  'acc-priya': 'Priya Natarajan',
};

export function viewOf(overrides: Partial<EpicValueView> = {}): EpicValueView {
  return {
    epic: {
      id: '10026',
      key: 'CHK-1',
      summary: 'Rebuild self-service refunds',
      status: 'in_progress',
      project: 'CHK',
      programme: null,
    },
    revision: 0,
    updatedAt: null,
    updatedBy: null,
    value: EMPTY_VALUE,
    asOf: '2026-11',
    kpis: EMPTY_KPIS,
    currency: 'EUR',
    discountRate: 0.08,
    rangeDefaults: RANGE_DEFAULTS,
    planning: null,
    objectives: [
      { id: 'OBJ-1', name: 'Grow recurring revenue', status: 'active', weight: 1 },
      { id: 'OBJ-2', name: 'Reduce cost to serve', status: 'active', weight: 1 },
    ],
    canEdit: true,
    // A verifier by default, as most tests grade entries; the verifier tests say otherwise.
    canVerify: true,
    canApproveBaseline: false,
    readOnlyReason: null,
    ...overrides,
  };
}

export interface SaveCall {
  issueKey: string;
  baseRevision: number;
  value: EpicValueDocument;
}

export interface ApproveCall {
  issueKey: string;
  baseRevision: number;
  reason?: string;
}

export interface CloseReviewCall {
  issueKey: string;
  offsetMonths: number;
  baseRevision: number;
  actuals: {
    benefitId: string;
    month: string;
    amount: number;
    evidence: string;
    note?: string;
    evidenceLink?: string;
  }[];
  note: string;
}

export interface FakeHost {
  saves: SaveCall[];
  /** What the next save answers; by default it accepts and bumps the revision. */
  answerSave: (call: SaveCall) => Envelope<EpicValueView>;
  answerGet: () => Envelope<EpicValueView>;
  history: EpicHistoryPage[];
  approvals: ApproveCall[];
  /** What an approval answers; by default the plan becomes the next baseline version, by Sam. */
  answerApprove: (call: ApproveCall) => Envelope<EpicValueView>;
  /** The baselines re-baselining replaced, newest first; an approval adds the one it replaces. */
  earlierBaselines: ApprovedBaselineView[];
  /** What asking for the earlier baselines answers; by default `earlierBaselines`. */
  answerBaselines: () => Envelope<BaselineHistoryView>;
  /** How often the panel asked for the earlier baselines. */
  baselineLoads: number;
  /** The epic's reviews; by default the epic is not Done, so there are none. */
  reviews: EpicReviewsView;
  /** How often the panel asked for the epic's value. */
  valueLoads: number;
  closes: CloseReviewCall[];
  /**
   * What closing a review answers; by default the actuals become realised entries (a new
   * revision) and the review is closed by Sam.
   */
  answerClose: (call: CloseReviewCall) => Envelope<EpicReviewsView>;
}

/** Request and Response as @forge/bridge's requestJira uses them; jsdom has neither. */
function installFetchClasses(): void {
  const scope = globalThis as Record<string, unknown>;
  if (typeof scope['Response'] === 'function') return;
  class MinimalRequest {
    readonly method: string;
    readonly headers: Headers;
    private readonly body: unknown;
    constructor(_url: string, init: { method?: string; headers?: HeadersInit; body?: unknown } = {}) {
      this.method = (init.method ?? 'GET').toUpperCase();
      this.headers = new Headers(init.headers);
      this.body = init.body;
    }
    text(): Promise<string> {
      return Promise.resolve(typeof this.body === 'string' ? this.body : '');
    }
  }
  class MinimalResponse {
    readonly status: number;
    readonly ok: boolean;
    constructor(
      private readonly body: string | null,
      init: { status: number },
    ) {
      this.status = init.status;
      this.ok = init.status >= 200 && init.status < 300;
    }
    json(): Promise<unknown> {
      return Promise.resolve(JSON.parse(this.body ?? 'null'));
    }
  }
  scope['Request'] = MinimalRequest;
  scope['Response'] = MinimalResponse;
}

/** Answers the panel's calls the way the host and the panel resolver would. */
export function serveHost(initial: EpicValueView, issueKey = 'CHK-1'): FakeHost {
  installFetchClasses();
  forgetDisplayNames();
  // Unsaved drafts are kept in localStorage; each test starts without any.
  localStorage.clear();
  let current = initial;
  const host: FakeHost = {
    saves: [],
    history: [{ entries: [], nextCursor: null, objectiveNames: {} }],
    approvals: [],
    answerApprove: (call) => {
      const version = (current.value.baseline?.version ?? 0) + 1;
      if (current.value.baseline !== undefined) host.earlierBaselines.unshift(current.value.baseline);
      current = {
        ...current,
        revision: current.revision + 1,
        value: {
          ...current.value,
          baseline: {
            version,
            approvedBy: 'acc-sam',
            approvedAt: '2026-11-24T09:00:00.000Z',
            ...(call.reason === undefined ? {} : { reason: call.reason }),
            successProbability: current.value.successProbability,
            benefits: current.value.benefits.map(({ id, kind, planned }) => ({ id, kind, planned })),
            plannedCost: current.value.costs.planned,
          },
        },
      };
      return { ok: true, data: current };
    },
    earlierBaselines: [],
    answerBaselines: () => ({
      ok: true,
      data: {
        issueKey,
        currentVersion: current.value.baseline?.version ?? null,
        earlier: host.earlierBaselines,
      },
    }),
    baselineLoads: 0,
    answerGet: () => ({ ok: true, data: current }),
    reviews: { issueKey, doneAt: null, timeZone: null, reviews: [] },
    valueLoads: 0,
    closes: [],
    answerClose: (call) => {
      current = {
        ...current,
        revision: current.revision + 1,
        value: {
          ...current.value,
          benefits: current.value.benefits.map((benefit) => ({
            ...benefit,
            realised: [
              ...benefit.realised,
              ...call.actuals
                .filter((actual) => actual.benefitId === benefit.id)
                .map(({ month, amount, evidence, note, evidenceLink }) => ({
                  month,
                  amount,
                  evidence: evidence as 'verified' | 'measured' | 'estimated',
                  ...(note === undefined ? {} : { note }),
                  ...(evidenceLink === undefined ? {} : { evidenceLink }),
                })),
            ],
          })),
        },
      };
      host.reviews = {
        ...host.reviews,
        reviews: host.reviews.reviews.map((review) =>
          review.offsetMonths === call.offsetMonths
            ? {
                ...review,
                state: 'closed',
                closed: {
                  at: '2026-11-24T09:00:00.000Z',
                  by: 'acc-sam',
                  note: call.note,
                  realisedEntries: call.actuals.length,
                },
              }
            : review,
        ),
      };
      return { ok: true, data: host.reviews };
    },
    answerSave: (call) => {
      current = {
        ...current,
        revision: current.revision + 1,
        value: call.value,
        updatedAt: '2026-11-23T10:42:00.000Z',
        updatedBy: 'acc-sam',
      };
      return { ok: true, data: current };
    },
  };
  fakeBridge.on('getContext', () => ({
    accountId: 'acc-sam',
    locale: 'en-US',
    moduleKey: 'value-panel',
    extension: { type: 'jira:issuePanel', issue: { id: '10026', key: issueKey, type: 'Epic' } },
  }));
  fakeBridge.on('invoke', (raw) => {
    const { functionKey, payload } = raw as { functionKey: string; payload: Record<string, unknown> };
    if (functionKey === 'panel/get-value') {
      host.valueLoads += 1;
      return host.answerGet();
    }
    if (functionKey === 'panel/get-baselines') {
      host.baselineLoads += 1;
      return host.answerBaselines();
    }
    if (functionKey === 'panel/get-reviews') return { ok: true, data: host.reviews };
    if (functionKey === 'panel/close-review') {
      const call = payload as unknown as CloseReviewCall;
      host.closes.push(call);
      return host.answerClose(call);
    }
    if (functionKey === 'panel/save-value') {
      const call = payload as unknown as SaveCall;
      host.saves.push(call);
      return host.answerSave(call);
    }
    if (functionKey === 'panel/approve-baseline') {
      const call = payload as unknown as ApproveCall;
      host.approvals.push(call);
      return host.answerApprove(call);
    }
    if (functionKey === 'panel/get-history') {
      const page = payload['cursor'] === undefined ? 0 : Number(payload['cursor']);
      return { ok: true, data: host.history[page] ?? { entries: [], nextCursor: null, objectiveNames: {} } };
    }
    throw new Error(`unexpected resolver ${functionKey}`);
  });
  fakeBridge.on('fetchProduct', (raw) => {
    const { restPath } = raw as { restPath: string };
    const url = new URL(restPath, 'https://jira.example');
    if (url.pathname === '/rest/api/3/user/search') {
      // Jira's user search: people whose name (or a word of it) starts with the query.
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      const found = Object.entries(USERS)
        .filter(([, name]) =>
          name
            .toLowerCase()
            .split(' ')
            .some((word) => word.startsWith(query)),
        )
        .map(([accountId, displayName]) => ({
          accountId,
          displayName,
          active: true,
          accountType: 'atlassian',
        }));
      return {
        status: 200,
        statusText: 'OK',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(found),
      };
    }
    const ids = url.searchParams.getAll('accountId');
    const values = ids.filter((id) => id in USERS).map((id) => ({ accountId: id, displayName: USERS[id] }));
    return {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ values }),
    };
  });
  return host;
}

/** Renders the panel and waits until the epic's value is on screen. */
export async function renderPanel(): Promise<void> {
  render(createElement(EpicPanel));
  await screen.findByRole('tab', { name: 'Value' });
}
