import { currencyExponentOf } from '../../contract/currencies';
import type { Scope } from '../../contract/gadget.contract';
import type { RunScenarioInput } from '../../contract/planning.contract';
import type { AppSettings, StoredObjective } from '../../contract/site-config.schema';
import type { Epic } from '../../domain/model/epic';
import { epicFromRecord } from '../../domain/model/epic-from-record';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { minorUnits, toDecimalAmount } from '../../domain/money/minor-units';
import {
  remainingPlanOf,
  type Dependency,
  type ObjectiveFloor,
  type RemainingPlan,
} from '../../domain/planning';
import { badRequest } from '../app-error';
import { monthOf } from '../ports/clock';
import type { BlockLink } from '../ports/jira-site';
import type { GadgetContext } from '../portfolio/gadget-context';
import { collectRankable } from './get-ranking';
import { warningWords, type MoneyWords } from './scenario-words';

/** A scope's in-flight epics as read for the viewer, with what planning them needs from Jira. */
export interface ScenarioScope {
  settings: AppSettings;
  objectives: readonly StoredObjective[];
  inFlight: readonly EpicRecord[];
  /** The revision of each epic's value record (0 without one), which applying names. */
  revisions: ReadonlyMap<string, number>;
  /** "Blocks" links read for the in-flight epics (a link to an epic outside them is dropped later). */
  links: readonly BlockLink[];
}

/** What a budget cut and the efficient frontier both plan over: the scope's in-flight epics and their links. */
export interface ScenarioBasis {
  asOf: string;
  settings: AppSettings;
  inFlight: readonly EpicRecord[];
  /** The in-flight epics in minor units, in the order of `inFlight`. */
  epics: Epic[];
  plans: RemainingPlan[];
  /** "Blocks" links between two in-flight epics of the scope. */
  dependencies: Dependency[];
  objectiveName: (id: string) => string;
  /** Major units (as the forms send them) to minor units of the site currency. */
  toMinor: (amount: number) => number;
  /** Minor units to major units, as every view sends them. */
  money: (minor: number) => number;
  moneyWords: MoneyWords;
}

/**
 * Reads the in-flight epics of a scope the viewer may browse (as for the ranking), the revision
 * of each one's value record and the "Blocks" links read for them.
 */
export async function readScenarioScope(context: GadgetContext, scope: Scope): Promise<ScenarioScope> {
  const { settings, objectives, epics, revisions } = await collectRankable(context, scope);
  const inFlight = epics.filter((epic) => epic.status !== 'done');
  const keys = inFlight.map((epic) => epic.key);
  const links = keys.length === 0 ? [] : await context.jira.blockLinks(keys);
  return { settings, objectives, inFlight, revisions, links };
}

/**
 * The basis of a plan over epics already read: their remaining plans, the links between two of
 * them, and the site's money; checks that every floor names an objective of the site
 * (`floors[i].objectiveId` otherwise).
 */
export function basisOf({
  asOf,
  floors,
  scope,
}: {
  asOf: string;
  floors: readonly { objectiveId: string }[];
  scope: Pick<ScenarioScope, 'settings' | 'objectives' | 'inFlight' | 'links'>;
}): ScenarioBasis {
  const { settings, objectives, inFlight, links } = scope;
  const objectiveNames = new Map(objectives.map((objective) => [objective.id, objective.name]));
  floors.forEach((floor, index) => {
    if (!objectiveNames.has(floor.objectiveId)) {
      throw badRequest('This objective does not exist.', [
        { path: `floors[${index}].objectiveId`, message: 'is not an objective of this site' },
      ]);
    }
  });
  const currencyExponent = currencyExponentOf(settings.currency) ?? 2;
  const factor = 10 ** currencyExponent;
  const money = (amount: number) => toDecimalAmount({ amount: minorUnits(amount), currencyExponent });
  const moneyFormat = new Intl.NumberFormat('en', {
    style: 'currency',
    currency: settings.currency,
    minimumFractionDigits: currencyExponent,
    maximumFractionDigits: currencyExponent,
  });
  const epics = inFlight.map((epic) => epicFromRecord({ epic, currencyExponent }));
  const keys = new Set(inFlight.map((epic) => epic.key));
  return {
    asOf,
    settings,
    inFlight,
    epics,
    plans: epics.map((epic) => remainingPlanOf({ epic, asOf })),
    dependencies: links.filter((link) => keys.has(link.blocker) && keys.has(link.blocked)),
    objectiveName: (id: string) => objectiveNames.get(id) ?? id,
    toMinor: (amount: number) => Math.round(amount * factor),
    money,
    moneyWords: (amount: number) => moneyFormat.format(money(amount)),
  };
}

/** Reads a scope's in-flight epics for the viewer and the basis of a plan over them. */
export async function scenarioBasis(
  context: GadgetContext,
  input: { scope: Scope; asOf?: string | undefined; floors: readonly { objectiveId: string }[] },
): Promise<ScenarioBasis> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const scope = await readScenarioScope(context, input.scope);
  return basisOf({ asOf, floors: input.floors, scope });
}

/** The user's pins and objective floors as the optimiser takes them. */
export interface ScenarioConstraints {
  /** The pins on the scope's in-flight epics. */
  pins: RunScenarioInput['pins'];
  /** Each floor in minor units. */
  floors: ObjectiveFloor[];
  /** A warning for each pin on any other epic, left out; it names only the key the user sent. */
  outsidePinWarnings: string[];
}

/**
 * The pins and floors of a budget cut or of the efficient frontier, over the basis's epics: a pin
 * on an epic the scope does not hold (or the viewer may not browse) is left out with a warning
 * that says nothing about that epic.
 */
export function scenarioConstraintsOf(
  basis: Pick<ScenarioBasis, 'inFlight' | 'toMinor'>,
  input: Pick<RunScenarioInput, 'pins' | 'floors'>,
): ScenarioConstraints {
  const keys = new Set(basis.inFlight.map((epic) => epic.key));
  return {
    pins: input.pins.filter((pin) => keys.has(pin.key)),
    floors: input.floors.map((floor) => ({
      objectiveId: floor.objectiveId,
      kind: 'amount',
      amount: basis.toMinor(floor.amount),
    })),
    outsidePinWarnings: input.pins
      .filter((pin) => !keys.has(pin.key))
      .map((pin) => warningWords({ code: 'UNKNOWN_EPIC', key: pin.key, field: 'pins' })),
  };
}
