import fc from 'fast-check';
import type { EpicValueDocument } from '../../../src/contract/epic-value.schema';
import { requestsOf } from '../../../src/adapters/jira/jira-epic-fields';
import {
  epicRecordOf,
  kpisOfEpic,
  planningFiguresOf,
} from '../../../src/application/epic-value/epic-value-view';
import type { EpicFields, EpicFieldValues } from '../../../src/application/ports/epic-fields';
import { unreadableReasonOf } from '../../../src/application/epic-value/load-epic';
import { emptyFieldValues } from '../../../src/application/rollup/epic-field-values';
import { onIssueChanged } from '../../../src/application/rollup/on-issue-changed';
import { SiteConfig } from '../../../src/application/site-config';
import type { MinorUnits } from '../../../src/domain/money/minor-units';
import { AS_OF, aSite, CLOCK, reconcileContext, valueArbitrary } from './rollup-support';

/** The fields as Jira would hold them after the writes, or a refusal when told to fail. */
class RecordingEpicFields implements EpicFields {
  readonly held = new Map<string, EpicFieldValues>();
  failNext = 0;
  write(values: readonly EpicFieldValues[]): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(new Error('Jira answered 503'));
    }
    for (const value of values) this.held.set(value.issueId, value);
    return Promise.resolve();
  }
}

const major = (amount: MinorUnits | null) => (amount === null ? null : amount / 100);

describe('epic fields', () => {
  it('equal the panel figures after any sequence of events, failed writes and reconciles', async () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('event' as const), epic: fc.nat({ max: 3 }), value: valueArbitrary }),
      fc.record({ kind: fc.constant('failure' as const) }),
      fc.record({ kind: fc.constant('reconcile' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (operations) => {
        const { jira, store } = await aSite(
          [0, 1, 2, 3].map((n) => ({ project: n, programme: n, value: null as EpicValueDocument | null })),
        );
        const fields = new RecordingEpicFields();
        const reconcile = reconcileContext(jira, store);
        const { context } = reconcile;
        const rollup = { ...context, epicFields: fields };
        const settings = await new SiteConfig(store).settings();
        const touched = new Set<string>();
        const failedSince = new Set<string>();
        for (const op of operations) {
          if (op.kind === 'failure') {
            fields.failNext += 1;
            continue;
          }
          if (op.kind === 'reconcile') {
            await reconcile.runReconcile();
            // The reconcile context has no fields: run the repairing refresh of every epic with them.
            for (const issue of jira.issues.values()) {
              const failing = fields.failNext > 0;
              await onIssueChanged({ ...rollup }, { issueId: issue.id });
              // A repair that failed too leaves the field for the next one.
              if (failing) failedSince.add(issue.id);
              else failedSince.delete(issue.id);
            }
          } else {
            const issue = [...jira.issues.values()][op.epic];
            if (!issue) continue;
            jira.issues.set(issue.key, {
              ...issue,
              stored: {
                state: 'stored',
                record: { revision: 2, updatedAt: '', updatedBy: 'someone', value: op.value },
              },
            });
            const failing = fields.failNext > 0;
            const outcome = await onIssueChanged(rollup, { issueId: issue.id });
            expect(outcome).not.toBe('older');
            touched.add(issue.id);
            if (failing) failedSince.add(issue.id);
            else failedSince.delete(issue.id);
          }
          for (const issue of jira.issues.values()) {
            if (!touched.has(issue.id) || failedSince.has(issue.id)) continue;
            const held = fields.held.get(issue.id);
            const value = issue.stored.state === 'stored' ? issue.stored.record.value : null;
            if (value === null) continue;
            // A record the panel cannot read shows no figures: every field is empty.
            if (unreadableReasonOf(issue, settings.currency) !== null) {
              expect(held).toEqual(emptyFieldValues(issue.id));
              continue;
            }
            const panel = kpisOfEpic({ epic: epicRecordOf(issue, value), settings, asOf: AS_OF });
            expect(held && major(held.realisedBenefit)).toBe(panel.realisedBenefit);
            expect(held && major(held.riskAdjustedBenefit)).toBe(panel.riskAdjustedBenefit);
            expect(held?.expectedRoi).toBe(panel.expectedRoi);
            expect(held && major(held.npv)).toBe(panel.npv);
            // The panel's cost of delay (planning figures), empty once the epic is Done.
            const planning = planningFiguresOf({ epic: epicRecordOf(issue, value), settings, asOf: AS_OF });
            expect(held && major(held.costOfDelay)).toBe(planning?.costOfDelay ?? null);
            expect(held?.valueDecision).toBeNull();
          }
        }
      }),
      { numRuns: 40 },
    );
    expect(CLOCK.now().toISOString().slice(0, 7)).toBe(AS_OF);
  });
});

describe('requestsOf (the field-value API batches)', () => {
  const ids = {
    realisedBenefit: 'customfield_1',
    riskAdjustedBenefit: 'customfield_2',
    expectedRoi: 'customfield_3',
    npv: 'customfield_4',
    costOfDelay: 'customfield_6',
    valueDecision: 'customfield_5',
  };
  const epic = (issueId: string, cents: number): EpicFieldValues => ({
    issueId,
    realisedBenefit: cents as MinorUnits,
    riskAdjustedBenefit: cents as MinorUnits,
    expectedRoi: null,
    npv: -cents as MinorUnits,
    costOfDelay: (cents === 0 ? null : 7) as MinorUnits | null,
    valueDecision: null,
  });

  it('returns one update per field and value, money in major units, issues sharing a value together', () => {
    expect(requestsOf([epic('10', 12345), epic('11', 12345)], ids, 2)).toEqual([
      {
        updates: [
          { customField: 'customfield_1', issueIds: [10, 11], value: 123.45 },
          { customField: 'customfield_2', issueIds: [10, 11], value: 123.45 },
          { customField: 'customfield_3', issueIds: [10, 11], value: null },
          { customField: 'customfield_4', issueIds: [10, 11], value: -123.45 },
          { customField: 'customfield_6', issueIds: [10, 11], value: 0.07 },
          { customField: 'customfield_5', issueIds: [10, 11], value: null },
        ],
      },
    ]);
  });

  it('returns requests of at most 600 issue-value pairs when many epics differ', () => {
    const requests = requestsOf(
      Array.from({ length: 250 }, (_, n) => epic(String(n + 1), n)),
      ids,
      2,
    );
    const pairs = requests.map((r) => r.updates.reduce((sum, u) => sum + u.issueIds.length, 0));
    expect(pairs).toEqual([600, 600, 300]);
  });
});
