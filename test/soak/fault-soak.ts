/**
 * A seeded, bounded fault soak of the app on the local runtime: epic saves, staged imports,
 * objective edits, reconciles and restarts, chosen by seeded dice, under random Jira and storage
 * 429/5xx, latency and crashes of the site mid-operation. After every operation and at
 * checkpoints (events drained) it checks what the app answered against what is stored:
 *
 * - an acknowledged save is stored, with exactly one history entry for its revision;
 * - an answer that says nothing changed (any error but "outcome unknown") changed nothing: the
 *   epic's property bytes, its history and its roll-up contribution; the objective and the audit;
 * - an import is all or nothing once it finishes (applied, or rolled back to the bytes it found,
 *   leaving later saves alone);
 * - nothing outside an operation's own epics changes;
 * - the gadget's roll-up equals a recomputation from the records (the live path) once events drain.
 */
import type { PortfolioView, LivePage } from '../../src/contract/gadget.contract';
import type { EpicValueView } from '../../src/contract/panel.contract';
import type { ImportStep } from '../../src/contract/admin.contract';
import type { FaultConfig } from '../../local-site';
import { Prng } from 'forge-local';
import { ADMIN, PORTFOLIO, TEAM } from '../integration/local-site';
import {
  answerKindOf,
  canonical,
  dataOf,
  describeOutcome,
  envelopeOf,
  firstDifference,
  recordOf,
  revisionOf,
} from './soak-checks';
import { describeFaults, drawFaults } from './soak-faults';
import { SoakLedger, type AnswerKind, type OperationKind } from './soak-ledger';
import { SoakSite, type CallOutcome, type EpicState } from './soak-site';

const USER_NAMES: Record<string, string> = { [ADMIN]: 'admin', [PORTFOLIO]: 'portfolio', [TEAM]: 'team' };
/** The project the demo's team member works in. */
const TEAM_PROJECT = 'CHK';
const CHECKPOINT_EVERY = 8;

interface AckedSave {
  key: string;
  id: string;
  revision: number;
  record: string | null;
  operation: number;
}

interface ExportedDocument {
  format: string;
  version: number;
  settings: Record<string, unknown>;
  objectives: (Record<string, unknown> & { id: string })[];
  epics: ({ key: string; value: Record<string, unknown> } & Record<string, unknown>)[];
}

export class FaultSoak {
  readonly ledger: SoakLedger;
  private readonly dice: Prng;
  /** Every epic's value property as last seen, by key. */
  private properties = new Map<string, EpicState>();
  private readonly acked: AckedSave[] = [];
  private objectivesCreated = 0;
  private readonly asOf = new Date().toISOString().slice(0, 7);

  constructor(
    private readonly site: SoakSite,
    readonly seed: number,
    readonly operations: number,
  ) {
    this.dice = new Prng(seed);
    this.ledger = new SoakLedger(seed, operations);
  }

  async run(): Promise<void> {
    await this.observe();
    for (let n = 1; n <= this.operations; n++) {
      const kind = this.dice.weighted<OperationKind>(
        ['save', 'import', 'objective', 'reconcile', 'restart'],
        [10, 3, 3, 2, 1],
      );
      if (kind === 'save') await this.save();
      else if (kind === 'import') await this.import();
      else if (kind === 'objective') await this.objective();
      else if (kind === 'reconcile') await this.reconcile();
      else await this.restart();
      if (n % CHECKPOINT_EVERY === 0 || n === this.operations) await this.checkpoint();
    }
  }

  // ---- operations -------------------------------------------------------------------------

  private async save(): Promise<void> {
    const user = this.dice.weighted([ADMIN, TEAM, PORTFOLIO], [6, 3, 2]);
    const epics = [...this.properties.values()];
    const team = epics.filter((epic) => epic.project === TEAM_PROJECT);
    const epic = this.dice.pick(user === TEAM && this.dice.chance(0.8) ? team : epics);
    const view = dataOf<EpicValueView>(
      await this.site.call(ADMIN, 'panel/get-value', { issueKey: epic.key }, {}),
    );
    if (view === undefined) throw new Error(`panel/get-value failed for ${epic.key} without faults`);
    const edit = this.dice.weighted(['probability', 'amount', 'same', 'invalid'] as const, [9, 8, 2, 1]);
    const value = this.edited(view.value, edit);
    const stale = view.revision > 0 && this.dice.chance(0.1);
    const baseRevision = stale ? view.revision - 1 : view.revision;
    const faults = drawFaults(this.dice, { crashable: true });
    const before = this.epicFootprint(epic);

    const outcome = await this.site.call(
      user,
      'panel/save-value',
      { issueKey: epic.key, baseRevision, value },
      faults,
    );
    const answer = answerKindOf(outcome);
    const op = this.ledger.record({
      kind: 'save',
      what: `${epic.key} by ${USER_NAMES[user] ?? user} from r${String(baseRevision)} (${edit})`,
      faults: describeFaults(faults),
      result: describeOutcome(outcome),
    });
    this.ledger.answered(answer);
    if (answer === 'killed') await this.site.restart({ afterCrash: true });
    const after = await this.observe(new Set([epic.key]));
    const stored = after.get(epic.key) ?? null;
    const footprint = stored === null ? null : this.epicFootprint(stored);

    if (answer === 'ok') {
      const saved = dataOf<EpicValueView>(outcome);
      const revision = saved?.revision ?? -1;
      if (revision === before.revision) {
        this.ledger.check(
          'a save that changed nothing left the epic as it was',
          canonical(footprint) === canonical(before)
            ? null
            : `${epic.key}: answered ok at r${String(revision)}, yet ${firstDifference(before, footprint) ?? ''}`,
        );
        return;
      }
      const storedRevision = revisionOf(stored?.property ?? null);
      this.ledger.check(
        'an acknowledged save is stored',
        storedRevision === revision
          ? null
          : `${epic.key}: answered ok r${String(revision)} but Jira holds r${String(storedRevision)}`,
      );
      const reread = dataOf<EpicValueView>(
        await this.site.call(ADMIN, 'panel/get-value', { issueKey: epic.key }, {}),
      );
      this.ledger.check(
        'an acknowledged save is stored',
        canonical(reread?.value) === canonical(saved?.value)
          ? null
          : `${epic.key}: the stored value differs from the saved one: ${firstDifference(saved?.value, reread?.value) ?? ''}`,
      );
      this.acked.push({
        key: epic.key,
        id: epic.id,
        revision,
        record: recordOf(stored?.property ?? null),
        operation: op.index,
      });
      this.checkHistory(this.acked[this.acked.length - 1]);
    } else if (envelopeOf(outcome)?.error?.code === 'SAVE_INCOMPLETE') {
      // It says the change is on the epic and in its history, and only the totals lag.
      const storedRevision = revisionOf(stored?.property ?? null);
      const history = this.site.storedKeys(`history:epic:${epic.id}:`);
      this.ledger.check(
        'a save answered incomplete is on the epic and in its history',
        storedRevision === before.revision + 1 && history.length === before.history.length + 1
          ? null
          : `${epic.key}: answered SAVE_INCOMPLETE from r${String(before.revision)}; Jira holds r${String(storedRevision)}, history ${String(before.history.length)} -> ${String(history.length)} entries`,
      );
    } else if (answer === 'nothing-changed') {
      this.ledger.check(
        "a 'nothing changed' answer changed nothing",
        canonical(footprint) === canonical(before)
          ? null
          : `${epic.key}: answered ${describeOutcome(outcome)}, yet ${firstDifference(before, footprint) ?? ''}`,
      );
    }
  }

  private async import(): Promise<void> {
    const exported = dataOf<{ content: string }>(await this.site.call(ADMIN, 'admin/export-backup', {}, {}));
    if (exported === undefined) throw new Error('admin/export-backup failed without faults');
    const backup = JSON.parse(exported.content) as ExportedDocument;
    const count = this.dice.int(3, 10);
    const chosen = new Map<string, ExportedDocument['epics'][number]>();
    while (chosen.size < count) {
      const epic = this.dice.pick(backup.epics);
      chosen.set(epic.key, {
        ...epic,
        value: { ...epic.value, successProbability: this.dice.int(0, 100) / 100 },
      });
    }
    const epics = [...chosen.values()];
    // A value too large for Jira's 32 KB property stops the import part-way: it must roll back.
    const failing = this.dice.chance(0.3);
    const last = epics[epics.length - 1];
    if (failing && last) last.value = oversized(last.value);
    // The file carries every objective its epics link to; one of them is renamed.
    const objective = backup.objectives.length > 0 ? this.dice.pick(backup.objectives) : undefined;
    const renamed = `Imported ${String(this.dice.int(1, 9999))}`;
    const document = {
      format: backup.format,
      version: backup.version,
      settings: { ...backup.settings, discountRate: this.dice.int(5, 12) / 100 },
      objectives: backup.objectives.map((candidate) =>
        candidate.id === objective?.id ? { ...candidate, name: renamed } : candidate,
      ),
      epics,
    };
    const keys = new Set(epics.map((epic) => epic.key));
    const before = new Map([...keys].map((key) => [key, this.properties.get(key)?.property ?? null]));
    const configBefore = this.configFootprint(objective?.id);
    const text = JSON.stringify(document);
    const partCount = this.dice.int(1, 3);
    const size = Math.ceil(text.length / partCount);
    const parts = Array.from({ length: partCount }, (_, i) => text.slice(i * size, (i + 1) * size));
    const log: string[] = [];
    const what = `${String(epics.length)} epics${failing ? ' (last one oversized)' : ''} in ${String(partCount)} part(s)`;

    // Upload and preview under faults but no crash; the admin tries a failed call up to 3 times.
    const attempt = async (label: string, functionKey: string, payload: unknown): Promise<CallOutcome> => {
      let outcome: CallOutcome = { kind: 'no-answer', message: 'not called' };
      for (let tries = 0; tries < 3 && answerKindOf(outcome) !== 'ok'; tries++) {
        const faults = drawFaults(this.dice, { crashable: false });
        outcome = await this.site.call(ADMIN, functionKey, payload, faults);
        log.push(`${label} {${describeFaults(faults)}} ${describeOutcome(outcome)}`);
      }
      return outcome;
    };
    let importId: string | undefined;
    for (const [part, chunk] of parts.entries()) {
      const outcome = await attempt(`stage ${String(part)}`, 'admin/import-stage', {
        ...(importId === undefined ? {} : { importId }),
        part,
        parts: parts.length,
        chunk,
      });
      importId = dataOf<{ importId: string }>(outcome)?.importId;
      if (importId === undefined) break;
    }
    if (importId !== undefined) {
      const preview = dataOf<{ valid: boolean; issues: { path: string; message: string }[] }>(
        await attempt('preview', 'admin/import-preview', { importId }),
      );
      if (preview === undefined) importId = undefined;
      else if (!preview.valid)
        log.push(`invalid: ${preview.issues[0]?.path ?? ''} ${preview.issues[0]?.message ?? ''}`);
    }

    // Apply step by step, as the admin page does, resuming after crashes; a save may come in between.
    let finished: 'applied' | 'failed' | 'not-started' | 'unfinished' = 'not-started';
    const laterSaves = new Map<string, string | null>();
    let finalAnswer: AnswerKind | null = null;
    let finalMessage = '';
    for (let step = 0; importId !== undefined && step < 40; step++) {
      const faults = drawFaults(this.dice, { crashable: true });
      const outcome = await this.site.call(ADMIN, 'admin/import-apply', { importId }, faults);
      const answer = answerKindOf(outcome);
      this.ledger.answered(answer);
      const progress = dataOf<ImportStep>(outcome);
      log.push(
        `apply {${describeFaults(faults)}} ${describeOutcome(outcome)}${progress ? ` ${stepText(progress)}` : ''}`,
      );
      if (answer === 'killed') {
        await this.site.restart({ afterCrash: true });
        if (this.dice.chance(0.5)) {
          const key = this.dice.pick([...keys]);
          const record = await this.calmSave(key);
          if (record !== undefined) {
            laterSaves.set(key, record);
            log.push(`later save of ${key} acknowledged`);
          }
        }
        continue;
      }
      if (progress?.done === true) {
        finished = 'applied';
        break;
      }
      if (progress !== undefined) continue;
      const error = envelopeOf(outcome)?.error;
      if (error === undefined) continue;
      if (/running already/.test(error.message)) {
        // The lock of a step that failed to release it: the admin waits a minute, as told.
        this.site.waitAMinute();
        continue;
      }
      // An error is final once the import has rolled back: a calm retry a minute later repeats it.
      this.site.waitAMinute();
      const again = await this.site.call(ADMIN, 'admin/import-apply', { importId }, {});
      log.push(`apply (calm) ${describeOutcome(again)}`);
      const repeated = envelopeOf(again)?.error;
      if (repeated !== undefined && repeated.code === error.code && repeated.message === error.message) {
        finished = 'failed';
        finalAnswer = answerKindOf(again);
        finalMessage = `${repeated.code}: ${repeated.message}`;
        break;
      }
      // A step whose answer was lost after it finished: the retry says it was applied.
      if (dataOf<ImportStep>(again)?.done === true || /applied already/.test(repeated?.message ?? '')) {
        finished = 'applied';
        break;
      }
    }
    if (importId !== undefined && finished === 'not-started') finished = 'unfinished';
    this.ledger.record({
      kind: 'import',
      what,
      faults: 'per call',
      result: `${finished}: ${log.join('; ')}`,
    });

    const after = await this.observe(keys);
    if (finished === 'failed') {
      this.ledger.check(
        'a failed import answers that nothing was imported',
        finalAnswer === 'nothing-changed'
          ? null
          : `its final answer, repeated on every apply, is ${finalAnswer ?? '?'} ${finalMessage.slice(0, 200)}`,
      );
    }
    this.ledger.check(
      'an import finishes',
      finished === 'unfinished'
        ? `import ${importId ?? ''} neither applied nor rolled back after 40 steps`
        : null,
    );
    const configAfter = this.configFootprint(objective?.id);
    if (finished === 'applied') {
      this.ledger.check(
        'an import is all or nothing',
        configAfter.settings !== null &&
          (JSON.parse(configAfter.settings) as { discountRate?: number }).discountRate ===
            document.settings.discountRate
          ? null
          : `applied, but settings hold ${configAfter.settings ?? 'nothing'}`,
      );
      for (const epic of epics) {
        const view = dataOf<EpicValueView>(
          await this.site.call(ADMIN, 'panel/get-value', { issueKey: epic.key }, {}),
        );
        const later = laterSaves.get(epic.key);
        const storedRecord = recordOf(after.get(epic.key)?.property ?? null);
        const fromImport = view?.value.successProbability === epic.value.successProbability;
        this.ledger.check(
          'an import is all or nothing',
          fromImport || (later !== undefined && later === storedRecord)
            ? null
            : `applied, but ${epic.key} holds probability ${String(view?.value.successProbability)}, not the file's ${String(epic.value.successProbability)}`,
        );
      }
    } else {
      // Failed (rolled back), or never started: every epic holds the bytes it held, or what a later save wrote.
      const why = finished === 'failed' ? 'failed' : 'not applied';
      this.ledger.check(
        'an import is all or nothing',
        canonical(configAfter) === canonical(configBefore)
          ? null
          : `${why}, but the settings or objective changed: ${firstDifference(configBefore, configAfter) ?? ''}`,
      );
      for (const key of keys) {
        const stored = recordOf(after.get(key)?.property ?? null);
        const later = laterSaves.get(key);
        const expected = later !== undefined ? later : recordOf(before.get(key) ?? null);
        this.ledger.check(
          later !== undefined ? 'a rollback leaves later saves alone' : 'an import is all or nothing',
          stored === expected
            ? null
            : `${why}, but ${key} holds ${stored === null ? 'no record' : 'another record'} (${
                firstDifference(
                  expected === null ? null : JSON.parse(expected),
                  stored === null ? null : JSON.parse(stored),
                ) ?? ''
              })${later !== undefined ? ', not the later save' : ''}`,
        );
      }
    }
  }

  /** The value with one edit: a new success probability, a new first planned amount, none, or an invalid one. */
  private edited(
    value: EpicValueView['value'],
    edit: 'probability' | 'amount' | 'same' | 'invalid',
  ): EpicValueView['value'] {
    if (edit === 'same') return value;
    if (edit === 'invalid') return { ...value, successProbability: 1.5 };
    const [first, ...others] = value.benefits;
    const [planned, ...later] = first?.planned ?? [];
    if (edit === 'probability' || first === undefined || planned === undefined)
      return { ...value, successProbability: this.dice.int(0, 100) / 100 };
    const amount = this.dice.int(0, 5_000_000) / 100;
    return { ...value, benefits: [{ ...first, planned: [{ ...planned, amount }, ...later] }, ...others] };
  }

  /** A save with no faults by the admin; the stored record when acknowledged. */
  private async calmSave(key: string): Promise<string | null | undefined> {
    const view = dataOf<EpicValueView>(await this.site.call(ADMIN, 'panel/get-value', { issueKey: key }, {}));
    if (view === undefined) return undefined;
    const outcome = await this.site.call(
      ADMIN,
      'panel/save-value',
      {
        issueKey: key,
        baseRevision: view.revision,
        value: { ...view.value, successProbability: this.dice.int(0, 100) / 100 },
      },
      {},
    );
    const saved = dataOf<EpicValueView>(outcome);
    if (saved === undefined) return undefined;
    const epics = await this.site.epics();
    const epic = epics.find((candidate) => candidate.key === key);
    if (epic === undefined) return undefined;
    this.properties.set(key, epic);
    this.acked.push({
      key,
      id: epic.id,
      revision: saved.revision,
      record: recordOf(epic.property),
      operation: this.ledger.operations.length + 1,
    });
    return recordOf(epic.property);
  }

  private async objective(): Promise<void> {
    const objectives = this.site
      .storedKeys('objective:')
      .map((key) => JSON.parse(this.site.stored(key) ?? 'null') as Record<string, unknown> & { id: string });
    const kind = this.dice.weighted(['create', 'update', 'unchanged', 'invalid'] as const, [4, 4, 1, 1]);
    const template = this.dice.pick(objectives);
    let objective: Record<string, unknown> & { id: string };
    if (kind === 'create') {
      this.objectivesCreated++;
      objective = {
        ...template,
        id: `OBJ-S${String(this.seed % 1000)}-${String(this.objectivesCreated)}`,
        name: `Soak objective ${String(this.objectivesCreated)}`,
        parentId: null,
      };
    } else if (kind === 'update') {
      objective = {
        ...template,
        name: `Renamed ${String(this.dice.int(1, 9999))}`,
        weight: this.dice.int(1, 10),
      };
    } else if (kind === 'invalid') {
      objective = { ...template, parentId: 'NO-SUCH-OBJECTIVE' };
    } else {
      objective = template;
    }
    const functionKey = kind === 'create' ? 'admin/create-objective' : 'admin/update-objective';
    const storedKey = `objective:${objective.id}`;
    const before = {
      objective: this.site.stored(storedKey),
      audit: this.site.storedKeys('audit:admin:').length,
    };
    const faults = drawFaults(this.dice, { crashable: true });
    const outcome = await this.site.call(ADMIN, functionKey, { objective }, faults);
    const answer = answerKindOf(outcome);
    this.ledger.record({
      kind: 'objective',
      what: `${kind} ${objective.id}`,
      faults: describeFaults(faults),
      result: describeOutcome(outcome),
    });
    this.ledger.answered(answer);
    if (answer === 'killed') await this.site.restart({ afterCrash: true });
    await this.observe(new Set());
    const after = {
      objective: this.site.stored(storedKey),
      audit: this.site.storedKeys('audit:admin:').length,
    };
    if (answer === 'ok') {
      const changed = kind === 'create' || kind === 'update';
      this.ledger.check(
        'an acknowledged objective edit is stored, audited once',
        after.objective !== null &&
          (JSON.parse(after.objective) as { name?: unknown }).name === objective.name &&
          after.audit === before.audit + (changed ? 1 : 0)
          ? null
          : `${kind} ${objective.id}: answered ok; stored ${after.objective ?? 'nothing'}, audit entries ${String(before.audit)} -> ${String(after.audit)}`,
      );
    } else if (answer === 'nothing-changed') {
      this.ledger.check(
        "a 'nothing changed' answer changed nothing",
        canonical(after) === canonical(before)
          ? null
          : `${kind} ${objective.id}: answered ${describeOutcome(outcome)}, yet ${firstDifference(before, after) ?? ''}`,
      );
    }
  }

  private async reconcile(): Promise<void> {
    const faults = drawFaults(this.dice, { crashable: true });
    const config = this.configFootprint(undefined);
    const crashed = await this.site.reconcile(faults);
    this.ledger.record({
      kind: 'reconcile',
      what: 'daily reconcile',
      faults: describeFaults(faults),
      result: crashed ? 'killed' : 'ran',
    });
    if (crashed) {
      this.ledger.answered('killed');
      await this.site.restart({ afterCrash: true });
    }
    await this.observe(new Set());
    this.ledger.check(
      'a reconcile changes no settings or objectives',
      canonical(this.configFootprint(undefined)) === canonical(config) ? null : 'the settings changed',
    );
  }

  private async restart(): Promise<void> {
    await this.site.restart({ afterCrash: false });
    this.ledger.record({
      kind: 'restart',
      what: 'stop and reopen the site',
      faults: 'calm',
      result: 'reopened',
    });
    await this.observe(new Set());
  }

  // ---- invariants ---------------------------------------------------------------------------

  /**
   * Reads every epic and checks that only `touched` ones changed since the last look (with no
   * `touched`, the first look). Answers the epics as now stored, by key.
   */
  private async observe(touched?: ReadonlySet<string>): Promise<Map<string, EpicState>> {
    const now = new Map((await this.site.epics()).map((epic) => [epic.key, epic]));
    if (touched !== undefined) {
      const strays = [...now.values()].filter(
        (epic) => !touched.has(epic.key) && this.properties.get(epic.key)?.property !== epic.property,
      );
      this.ledger.check(
        "nothing outside an operation's epics changes",
        strays.length === 0
          ? null
          : `${strays.map((epic) => epic.key).join(', ')} changed, though the operation did not touch them`,
      );
    }
    this.properties = now;
    return now;
  }

  /** What a save may change about an epic: its property bytes, history and roll-up contribution. */
  private epicFootprint(epic: EpicState): {
    revision: number;
    property: string | null;
    history: string[];
    contribution: string | null;
  } {
    return {
      revision: revisionOf(epic.property),
      property: epic.property,
      history: this.site.storedKeys(`history:epic:${epic.id}:`),
      contribution: this.site.stored(`rollup:epic:${epic.project}:${epic.id}`),
    };
  }

  private configFootprint(objectiveId: string | undefined): {
    settings: string | null;
    objective: string | null;
  } {
    return {
      settings: this.site.stored('settings'),
      objective: objectiveId === undefined ? null : this.site.stored(`objective:${objectiveId}`),
    };
  }

  private checkHistory(save: AckedSave | undefined): void {
    if (save === undefined) return;
    const key = `history:epic:${save.id}:${String(save.revision).padStart(9, '0')}`;
    const entry = this.site.stored(key);
    const revisions = this.site
      .storedKeys(`history:epic:${save.id}:`)
      .filter((found) => Number(found.slice(found.lastIndexOf(':') + 1)) === save.revision);
    this.ledger.check(
      'an acknowledged save has exactly one history entry',
      entry !== null &&
        revisions.length === 1 &&
        (JSON.parse(entry) as { revision?: number }).revision === save.revision
        ? null
        : `${save.key} r${String(save.revision)} (operation #${String(save.operation)}): ${String(revisions.length)} history entries`,
    );
  }

  /** Events drained: acknowledged saves still stored and in the history; the roll-up recomputed. */
  private async checkpoint(): Promise<void> {
    await this.site.deliverEvents();
    const epics = await this.observe(new Set());
    for (const save of this.acked) {
      this.checkHistory(save);
      const current = epics.get(save.key)?.property ?? null;
      const laterAck = this.acked.some((other) => other.key === save.key && other.revision > save.revision);
      if (!laterAck) {
        this.ledger.check(
          'an acknowledged save is stored',
          revisionOf(current) >= save.revision
            ? null
            : `${save.key} r${String(save.revision)} (operation #${String(save.operation)}) is gone: Jira holds r${String(revisionOf(current))}`,
          'since-checkpoint',
        );
      }
    }
    const violationsBefore = this.ledger.violations.length;
    const problem = await this.rollupProblem();
    this.ledger.check('the roll-up equals a recomputation once events drain', problem, 'since-checkpoint');
    if (problem !== null) {
      // Say whether the daily reconcile repairs it, then go on from the repaired state.
      await this.site.reconcile({});
      const after = await this.rollupProblem();
      const violation = this.ledger.violations[this.ledger.violations.length - 1];
      if (violation)
        violation.detail += after === null ? ' (the reconcile repairs it)' : ` (after a reconcile: ${after})`;
    }
    if (this.ledger.violations.length === violationsBefore) this.ledger.checkpointPassed();
  }

  /** Null when the gadget's roll-up equals the live path over the same projects, or the first difference. */
  private async rollupProblem(): Promise<string | null> {
    const rolled = dataOf<PortfolioView>(
      await this.site.call(ADMIN, 'gadget/get-portfolio', { scope: { kind: 'all' }, asOf: this.asOf }, {}),
    );
    const live = await this.livePortfolio();
    if (rolled === undefined || live === undefined) return 'the gadget did not answer without faults';
    const { source: _rolledSource, ...rolledFigures } = rolled as PortfolioView & { source?: unknown };
    const { source: _liveSource, ...liveFigures } = live as PortfolioView & { source?: unknown };
    const differences = Object.keys({ ...liveFigures, ...rolledFigures })
      .sort()
      .flatMap((section) => {
        const found = firstDifference(
          (liveFigures as Record<string, unknown>)[section],
          (rolledFigures as Record<string, unknown>)[section],
          `.${section}`,
        );
        return found === null ? [] : [found];
      });
    return differences.length === 0 ? null : `recomputed vs roll-up at ${differences.slice(0, 4).join('; ')}`;
  }

  private async livePortfolio(): Promise<PortfolioView | undefined> {
    let cursor: string | undefined;
    for (let calls = 0; calls < 50; calls++) {
      const page: CallOutcome = await this.site.call(
        ADMIN,
        'gadget/live-page',
        {
          scope: { kind: 'jql', jql: `project in (${this.site.projectKeys.join(', ')})` },
          asOf: this.asOf,
          ...(cursor === undefined ? {} : { cursor }),
        },
        {},
      );
      const data = dataOf<LivePage>(page);
      if (data === undefined) return undefined;
      if (data.nextCursor == null) return data.view;
      cursor = data.nextCursor;
    }
    return undefined;
  }
}

function stepText(step: ImportStep): string {
  return step.done ? 'done' : `${step.phase} ${String(step.applied)}/${String(step.total)}`;
}

/** The value with a benefit planned over 60 years of months: well over Jira's 32 KB per property. */
function oversized(value: Record<string, unknown>): Record<string, unknown> {
  const planned = Array.from({ length: 720 }, (_, i) => ({
    month: `${String(2030 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}`,
    amount: 12345.67,
  }));
  const benefits = Array.isArray(value.benefits) ? (value.benefits as unknown[]) : [];
  return {
    ...value,
    benefits: [...benefits, { id: 'soak-big', kind: 'revenue', title: 'Oversized', planned, realised: [] }],
  };
}

export type { FaultConfig };
