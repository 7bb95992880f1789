import type { EpicValueDocument } from '../../contract/epic-value.schema';
import type { FieldError } from '../../contract/envelope';
import type { AppSettings } from '../../contract/site-config.schema';
import { isApprover, isVerifier, roleHolders } from '../authority/value-roles';
import { stampedAsCaller, verificationFields } from '../epic-value/stamp-value';
import type { AdminContext } from './admin-context';

/** The importer's verifier and approver roles, each asked of Jira at most once per call. */
export interface ImportRoles {
  isVerifier(): Promise<boolean>;
  isApprover(): Promise<boolean>;
}

export function importRolesOf(context: AdminContext, settings: AppSettings): ImportRoles {
  let verifier: Promise<boolean> | undefined;
  let approver: Promise<boolean> | undefined;
  return {
    isVerifier: () => (verifier ??= isVerifier(context, settings)),
    isApprover: () => (approver ??= isApprover(context, settings)),
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What an import writes for one epic, from the file's value and the stored one, under the same
 * rules as a panel save (`stampedValue`): the server stamps who recorded and verified each
 * realised entry, and a new or changed `verified` grade needs a verifier. A file's approved
 * baseline that differs from the stored one needs an approver (an admin restoring a backup, when
 * no approver group is chosen); a file without one keeps the stored baseline. A scenario decision
 * (issue #16) is taken from the file as a backup holds it; a file without one keeps the stored
 * one. Otherwise the
 * problems, with paths under `prefix` (`epics[3].value.`).
 */
export async function importedValue(input: {
  accountId: string;
  roles: ImportRoles;
  settings: AppSettings;
  value: EpicValueDocument;
  previous: EpicValueDocument;
  now: Date;
  prefix: string;
}): Promise<{ value: EpicValueDocument } | { problems: FieldError[] }> {
  const { value, previous, settings, prefix } = input;
  const stamped = await stampedAsCaller({
    accountId: input.accountId,
    callerIsVerifier: () => input.roles.isVerifier(),
    value,
    previous,
    now: input.now,
  });
  const problems: FieldError[] =
    'refused' in stamped ? verificationFields(stamped.refused, { prefix, settings }) : [];
  const newBaseline = value.baseline !== undefined && !sameJson(value.baseline, previous.baseline);
  if (newBaseline && !(await input.roles.isApprover()))
    problems.push({
      path: `${prefix}baseline`,
      message: `differs from the approved baseline stored on the epic; only ${roleHolders(settings.approverGroupId, 'approver')} can import an approved baseline`,
    });
  if ('refused' in stamped || problems.length > 0) return { problems };
  const { baseline: _file, decision: _fileDecision, ...rest } = value;
  const baseline = value.baseline ?? previous.baseline;
  const decision = value.decision ?? previous.decision;
  return {
    value: {
      ...rest,
      benefits: stamped.benefits,
      ...(baseline === undefined ? {} : { baseline }),
      ...(decision === undefined ? {} : { decision }),
    },
  };
}
