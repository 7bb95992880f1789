import { useState } from 'react';
import type { GroupOption } from '../../../../../src/contract/admin.contract';
import { useAdminApi } from '../admin-context';
import { GroupPicker } from './group-picker';
import type { SettingsDraft, SettingsErrors } from './settings-form';

/**
 * Who may verify realised benefit and who may approve plans as baselines: a Jira group each,
 * or none (then Jira administrators do). The server enforces both on every write.
 */
export function ValueRoles({
  draft,
  groups,
  errors,
  update,
}: {
  draft: SettingsDraft;
  /** The groups the saved settings name, with their names. */
  groups: readonly GroupOption[];
  errors: SettingsErrors;
  update: (change: Partial<SettingsDraft>) => void;
}) {
  const api = useAdminApi();
  const [picked, setPicked] = useState<GroupOption[]>([]);
  const known = [...groups, ...picked];
  const remember = (group: GroupOption | null) => {
    if (group !== null) setPicked((current) => [...current, group]);
  };
  return (
    <fieldset className="vl-fieldset vl-settings-group">
      <legend className="vl-group-title">Who verifies and approves</legend>
      <GroupPicker
        id="verifier-group"
        label="Verifiers"
        hint="Only members of this group can mark realised benefit verified, for instance Finance."
        value={draft.verifierGroupId}
        known={known}
        error={errors['verifierGroupId']}
        search={api.findGroups}
        onChange={(group) => {
          remember(group);
          update({ verifierGroupId: group?.groupId ?? null });
        }}
      />
      <GroupPicker
        id="approver-group"
        label="Approvers"
        hint="Only members of this group can approve an epic's plan as its baseline."
        value={draft.approverGroupId}
        known={known}
        error={errors['approverGroupId']}
        search={api.findGroups}
        onChange={(group) => {
          remember(group);
          update({ approverGroupId: group?.groupId ?? null });
        }}
      />
    </fieldset>
  );
}
