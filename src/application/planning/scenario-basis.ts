import { currencyExponentOf } from '../../contract/currencies';
import type { Scope } from '../../contract/gadget.contract';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { epicFromRecord } from '../../domain/model/epic-from-record';
import { minorUnits, toDecimalAmount } from '../../domain/money/minor-units';
import { remainingPlanOf, type Dependency, type RemainingPlan } from '../../domain/planning';
import type { AppSettings } from '../../contract/site-config.schema';
import { badRequest } from '../app-error';
import { monthOf } from '../ports/clock';
import type { GadgetContext } from '../portfolio/gadget-context';
import { collectRankable } from './get-ranking';
import type { MoneyWords } from './scenario-words';

/** What a budget cut and the efficient frontier both plan over: the scope's in-flight epics and their links. */
export interface ScenarioBasis {
  asOf: string;
  settings: AppSettings;
  inFlight: EpicRecord[];
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
 * Reads the in-flight epics of a scope the viewer may browse (as for the ranking), their
 * remaining plans and the "Blocks" links between two of them, and checks that every floor names
 * an objective of the site (`floors[i].objectiveId` otherwise).
 */
export async function scenarioBasis(
  context: GadgetContext,
  input: { scope: Scope; asOf?: string | undefined; floors: readonly { objectiveId: string }[] },
): Promise<ScenarioBasis> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const { settings, objectives, epics } = await collectRankable(context, input.scope);
  const objectiveNames = new Map(objectives.map((objective) => [objective.id, objective.name]));
  input.floors.forEach((floor, index) => {
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
  const inFlight = epics.filter((epic) => epic.status !== 'done');
  const plans = inFlight.map((epic) =>
    remainingPlanOf({ epic: epicFromRecord({ epic, currencyExponent }), asOf }),
  );
  const keys = new Set(inFlight.map((epic) => epic.key));
  const links = keys.size === 0 ? [] : await context.jira.blockLinks([...keys]);
  return {
    asOf,
    settings,
    inFlight,
    plans,
    dependencies: links.filter((link) => keys.has(link.blocker) && keys.has(link.blocked)),
    objectiveName: (id: string) => objectiveNames.get(id) ?? id,
    toMinor: (amount: number) => Math.round(amount * factor),
    money,
    moneyWords: (amount: number) => moneyFormat.format(money(amount)),
  };
}
