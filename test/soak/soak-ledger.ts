/**
 * What a soak did and found: every operation with its faults and its answer, counts by kind, the
 * invariants checked, and every violation with the operations that led to it, so that a failing
 * run can be replayed from its seed.
 */
export type OperationKind = 'save' | 'import' | 'objective' | 'reconcile' | 'restart';

/** How the app answered a mutating call. */
export type AnswerKind = 'ok' | 'nothing-changed' | 'outcome-unknown' | 'no-answer' | 'killed';

export interface OperationRecord {
  index: number;
  kind: OperationKind;
  /** What was asked, e.g. `CHK-3 by team from r4`. */
  what: string;
  /** The faults it ran under, e.g. `storage429=0.05 crash@12`. */
  faults: string;
  /** What came back, e.g. `ok r5` or `nothing-changed CONFLICT`. */
  result: string;
}

export interface Violation {
  invariant: string;
  detail: string;
  /** The operations since the last checkpoint that passed, the last one included. */
  operations: OperationRecord[];
}

export class SoakLedger {
  readonly operations: OperationRecord[] = [];
  readonly violations: Violation[] = [];
  private readonly answers = new Map<AnswerKind, number>();
  private readonly checks = new Map<string, number>();
  kills = 0;
  private sinceCheckpoint = 0;

  constructor(
    readonly seed: number,
    readonly plannedOperations: number,
  ) {}

  record(operation: Omit<OperationRecord, 'index'>): OperationRecord {
    const recorded = { index: this.operations.length + 1, ...operation };
    this.operations.push(recorded);
    return recorded;
  }

  answered(kind: AnswerKind): void {
    this.answers.set(kind, (this.answers.get(kind) ?? 0) + 1);
    if (kind === 'killed') this.kills++;
  }

  /**
   * Counts one check of `invariant`; on `problem`, records a violation with the operation just
   * done, or (`scope: 'since-checkpoint'`) every operation since the last checkpoint that passed.
   */
  check(
    invariant: string,
    problem: string | null,
    scope: 'operation' | 'since-checkpoint' = 'operation',
  ): void {
    this.checks.set(invariant, (this.checks.get(invariant) ?? 0) + 1);
    if (problem === null) return;
    this.violations.push({
      invariant,
      detail: problem,
      operations: this.operations.slice(scope === 'operation' ? -1 : this.sinceCheckpoint),
    });
  }

  /** The invariants held up to here: a later violation lists only the operations after this. */
  checkpointPassed(): void {
    this.sinceCheckpoint = this.operations.length;
  }

  summary(faultsInjected: Record<string, number>): string {
    const byKind = new Map<OperationKind, number>();
    for (const operation of this.operations)
      byKind.set(operation.kind, (byKind.get(operation.kind) ?? 0) + 1);
    const list = (entries: Iterable<[string, number]>) =>
      [...entries].map(([name, count]) => `${name} ${String(count)}`).join(', ') || 'none';
    const checks = [...this.checks.values()].reduce((sum, count) => sum + count, 0);
    return [
      `fault soak: seed ${String(this.seed)}, ${String(this.operations.length)} operations (SOAK_SEED=${String(this.seed)} SOAK_OPS=${String(this.plannedOperations)} to replay)`,
      `  operations: ${list(byKind)}`,
      `  answers: ${list(this.answers)}`,
      `  faults injected: ${list(Object.entries(faultsInjected))}; kills ${String(this.kills)}`,
      `  invariants checked: ${String(checks)} (${list(this.checks)})`,
      `  violations: ${String(this.violations.length)}`,
    ].join('\n');
  }

  report(): string {
    return this.violations
      .map((violation, n) =>
        [
          `violation ${String(n + 1)}: [${violation.invariant}] ${violation.detail}`,
          ...violation.operations.map(
            (op) =>
              `  #${String(op.index)} ${op.kind} ${op.what} {${op.faults}} -> ${op.result.slice(0, 1200)}`,
          ),
        ].join('\n'),
      )
      .join('\n');
  }
}
