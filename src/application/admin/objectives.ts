import type { ObjectiveList } from '../../contract/admin.contract';
import { currencyDecimalsProblem, type StoredObjective } from '../../contract/site-config.schema';
import type { FieldError } from '../../contract/envelope';
import { AppError, badRequest, notFound } from '../app-error';
import { monthOf } from '../ports/clock';
import { collectScope } from '../portfolio/collect-scope';
import { reportOf } from '../portfolio/get-portfolio';
import { objectiveEntry, objectiveEntryKey, SiteConfig } from '../site-config';
import { requireJiraAdmin, type AdminContext } from './admin-context';
import { fieldChanges, writeAudited } from './audit-log';

/** Every objective with how many epics link to it and the value attributed to it so far. */
export async function listObjectives(context: AdminContext): Promise<ObjectiveList> {
  await requireJiraAdmin(context);
  const asOf = monthOf(context.clock.now());
  const collected = await collectScope(context, { kind: 'all' });
  const report = reportOf(collected, asOf);
  const links = new Map<string, number>();
  for (const epic of collected.epics) {
    for (const link of epic.value.objectives) links.set(link.id, (links.get(link.id) ?? 0) + 1);
  }
  return {
    asOf,
    currency: report.currency,
    objectives: collected.objectives.map((objective) => ({
      ...objective,
      linkedEpics: links.get(objective.id) ?? 0,
      figures: report.byObjective[objective.id] ?? {
        status: objective.status,
        attributedPlanned: 0,
        attributedRealised: 0,
        advanced: false,
      },
    })),
  };
}

/** Goals nest one level: a parent must exist, differ, and have no parent of its own. */
function hierarchyErrors(objective: StoredObjective, all: readonly StoredObjective[]): FieldError[] {
  if (objective.parentId === null) return [];
  const path = 'objective.parentId';
  if (objective.parentId === objective.id)
    return [{ path, message: 'an objective cannot be its own parent' }];
  const parent = all.find((candidate) => candidate.id === objective.parentId);
  if (parent === undefined) return [{ path, message: `unknown objective "${objective.parentId}"` }];
  if (parent.parentId !== null) {
    return [{ path, message: `${parent.id} is itself a sub-objective; goals nest one level only` }];
  }
  if (all.some((candidate) => candidate.parentId === objective.id)) {
    return [{ path, message: `${objective.id} has sub-objectives, so it cannot have a parent` }];
  }
  return [];
}

/** What the site says about an objective: its owner exists, its target amount fits the currency. */
async function siteErrors(
  context: AdminContext,
  config: SiteConfig,
  objective: StoredObjective,
  before: StoredObjective | null,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const owner = objective.ownerAccountId;
  // An owner already stored is not looked up again, so that a deactivated owner does not block
  // other edits of the objective.
  if (owner !== null && owner !== before?.ownerAccountId) {
    const existing = await context.jira.existingAccountIds([owner]);
    if (!existing.has(owner)) {
      errors.push({
        path: 'objective.ownerAccountId',
        message: `no user of this Jira site has the account id ${owner}; choose the owner from the site's users`,
      });
    }
  }
  const amount = objective.target?.amount;
  if (amount !== undefined && amount !== before?.target?.amount) {
    const problem = currencyDecimalsProblem(amount, (await config.settings()).currency);
    if (problem !== undefined) errors.push({ path: 'objective.target.amount', message: problem });
  }
  return errors;
}

function refuseIfAny(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw badRequest('Some fields are not valid. Nothing was changed.', [...errors]);
}

function ownersOf(objective: StoredObjective): string[] {
  return objective.ownerAccountId === null ? [] : [objective.ownerAccountId];
}

/** Everything is checked before anything is written; the objective and its audit entry are written together. */
export async function createObjective(
  context: AdminContext,
  { objective }: { objective: StoredObjective },
): Promise<StoredObjective> {
  await requireJiraAdmin(context);
  const config = new SiteConfig(context.store);
  const all = await config.objectives();
  if (all.some((existing) => existing.id === objective.id)) {
    refuseIfAny([{ path: 'objective.id', message: `${objective.id} already exists; choose another id` }]);
  }
  refuseIfAny([...hierarchyErrors(objective, all), ...(await siteErrors(context, config, objective, null))]);
  await writeAudited(
    context.store,
    { set: [objectiveEntry(objective)] },
    {
      at: context.clock.now(),
      by: context.accountId,
      action: `objective.created ${objective.id}`,
      changes: fieldChanges(null, objective),
    },
    ownersOf(objective),
  );
  return objective;
}

async function existing(config: SiteConfig, id: string): Promise<StoredObjective> {
  const found = await config.objective(id);
  if (found === undefined) throw notFound(`Objective ${id} does not exist.`);
  return found;
}

/** Saves and logs the changes; an update that changes nothing writes nothing and logs nothing. */
export async function updateObjective(
  context: AdminContext,
  { objective }: { objective: StoredObjective },
): Promise<StoredObjective> {
  await requireJiraAdmin(context);
  const config = new SiteConfig(context.store);
  const before = await existing(config, objective.id);
  refuseIfAny([
    ...hierarchyErrors(objective, await config.objectives()),
    ...(await siteErrors(context, config, objective, before)),
  ]);
  const changes = fieldChanges(before, objective);
  if (changes.length === 0) return before;
  await writeAudited(
    context.store,
    { set: [objectiveEntry(objective)] },
    { at: context.clock.now(), by: context.accountId, action: `objective.updated ${objective.id}`, changes },
    ownersOf(objective),
  );
  return objective;
}

/** Archive or restore. Archived objectives keep their links and history but leave the KPIs. */
export async function setObjectiveStatus(
  context: AdminContext,
  { id, status }: { id: string; status: 'active' | 'archived' },
): Promise<StoredObjective> {
  await requireJiraAdmin(context);
  const config = new SiteConfig(context.store);
  const before = await existing(config, id);
  if (before.status === status) return before;
  const after = { ...before, status };
  await writeAudited(
    context.store,
    { set: [objectiveEntry(after)] },
    {
      at: context.clock.now(),
      by: context.accountId,
      action: `objective.${status === 'archived' ? 'archived' : 'restored'} ${id}`,
      changes: fieldChanges(before, after),
    },
  );
  return after;
}

/** Deletes an objective nothing refers to; one that epics or sub-objectives use can only be archived. */
export async function deleteObjective(
  context: AdminContext,
  { id }: { id: string },
): Promise<{ deleted: string }> {
  await requireJiraAdmin(context);
  const config = new SiteConfig(context.store);
  const before = await existing(config, id);
  const children = (await config.objectives()).filter((objective) => objective.parentId === id);
  const linked = await collectScope(context, { kind: 'objectives', objectives: [id] });
  const linking = linked.epics.filter((epic) => epic.value.objectives.some((link) => link.id === id));
  if (linking.length > 0 || children.length > 0) {
    const reasons = [
      ...(linking.length > 0
        ? [
            `${linking.length} epic(s) link to it (${linking
              .slice(0, 5)
              .map((epic) => epic.key)
              .join(', ')})`,
          ]
        : []),
      ...(children.length > 0
        ? [`it has sub-objectives (${children.map((child) => child.id).join(', ')})`]
        : []),
    ];
    throw new AppError('CONFLICT', `${id} cannot be deleted: ${reasons.join(' and ')}. Archive it instead.`);
  }
  await writeAudited(
    context.store,
    { delete: [objectiveEntryKey(id)] },
    {
      at: context.clock.now(),
      by: context.accountId,
      action: `objective.deleted ${id}`,
      changes: fieldChanges(before, null),
    },
  );
  return { deleted: id };
}
