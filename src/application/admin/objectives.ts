import type { ObjectiveList } from '../../contract/admin.contract';
import type { StoredObjective } from '../../contract/site-config.schema';
import type { FieldError } from '../../contract/envelope';
import { AppError, badRequest, notFound } from '../app-error';
import { monthOf } from '../ports/clock';
import { collectScope } from '../portfolio/collect-scope';
import { reportOf } from '../portfolio/get-portfolio';
import { rememberAccount } from '../privacy/known-accounts';
import { SiteConfig } from '../site-config';
import { requireJiraAdmin, type AdminContext } from './admin-context';
import { appendAudit, fieldChanges } from './audit-log';

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

export async function createObjective(
  context: AdminContext,
  { objective }: { objective: StoredObjective },
): Promise<StoredObjective> {
  await requireJiraAdmin(context);
  const config = new SiteConfig(context.store);
  const all = await config.objectives();
  if (all.some((existing) => existing.id === objective.id)) {
    throw badRequest('Some fields are not valid.', [
      { path: 'objective.id', message: `${objective.id} already exists; choose another id` },
    ]);
  }
  const errors = hierarchyErrors(objective, all);
  if (errors.length > 0) throw badRequest('Some fields are not valid.', errors);
  await config.saveObjective(objective);
  await rememberOwner(context, objective);
  await appendAudit(context.store, {
    at: context.clock.now(),
    by: context.accountId,
    action: `objective.created ${objective.id}`,
    changes: fieldChanges(null, objective),
  });
  return objective;
}

function rememberOwner(context: AdminContext, objective: StoredObjective): Promise<void> {
  return objective.ownerAccountId === null
    ? Promise.resolve()
    : rememberAccount(context.store, objective.ownerAccountId, context.clock.now());
}

async function existing(config: SiteConfig, id: string): Promise<StoredObjective> {
  const found = await config.objective(id);
  if (found === undefined) throw notFound(`Objective ${id} does not exist.`);
  return found;
}

export async function updateObjective(
  context: AdminContext,
  { objective }: { objective: StoredObjective },
): Promise<StoredObjective> {
  await requireJiraAdmin(context);
  const config = new SiteConfig(context.store);
  const before = await existing(config, objective.id);
  const errors = hierarchyErrors(objective, await config.objectives());
  if (errors.length > 0) throw badRequest('Some fields are not valid.', errors);
  await config.saveObjective(objective);
  await rememberOwner(context, objective);
  const changes = fieldChanges(before, objective);
  if (changes.length > 0) {
    await appendAudit(context.store, {
      at: context.clock.now(),
      by: context.accountId,
      action: `objective.updated ${objective.id}`,
      changes,
    });
  }
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
  const after = { ...before, status };
  await config.saveObjective(after);
  if (before.status !== status) {
    await appendAudit(context.store, {
      at: context.clock.now(),
      by: context.accountId,
      action: `objective.${status === 'archived' ? 'archived' : 'restored'} ${id}`,
      changes: fieldChanges(before, after),
    });
  }
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
  await config.deleteObjective(id);
  await appendAudit(context.store, {
    at: context.clock.now(),
    by: context.accountId,
    action: `objective.deleted ${id}`,
    changes: fieldChanges(before, null),
  });
  return { deleted: id };
}
