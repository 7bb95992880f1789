import type { EpicValueView } from '../../../../src/contract/panel.contract';

/**
 * Whether the viewer may grade realised benefit "Verified", and why not: only members of the
 * verifier group the admin chose (finance) may, and the server refuses anyone else's. The view
 * names the group when the server sends it (`verifierGroup`).
 */
export function verifyRuleOf(view: EpicValueView): { allowed: boolean; reason: string | null } {
  const rule = view as EpicValueView & { verifierGroup?: string | null };
  if (rule.canVerify) return { allowed: true, reason: null };
  const group = rule.verifierGroup ?? null;
  return {
    allowed: false,
    reason:
      group === null || group === ''
        ? 'Only members of the verifier group chosen on the admin page can verify.'
        : `Only members of ${group} can verify.`,
  };
}
