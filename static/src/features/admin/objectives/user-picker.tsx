import { searchUsers } from '../jira-api';
import { useUserDirectory, useUserNames } from '../user-directory';
import type { FieldControlProps } from '../../../ui/field';
import { UserPicker as KitUserPicker } from '../../../ui/user-picker';

interface UserPickerProps {
  control: FieldControlProps;
  label: string;
  value: string | null;
  onChange: (accountId: string | null) => void;
}

/**
 * The kit's Jira user picker on the admin page: searches with the admin's own Jira calls and
 * names the chosen person from the page's user directory.
 */
export function UserPicker({ control, label, value, onChange }: UserPickerProps) {
  const directory = useUserDirectory();
  const nameOf = useUserNames(value === null ? [] : [value]);
  return (
    <KitUserPicker
      control={control}
      label={label}
      value={value}
      name={value === null ? '' : nameOf(value)}
      search={searchUsers}
      onChange={(user) => {
        if (user !== null) directory.remember(user);
        onChange(user?.accountId ?? null);
      }}
    />
  );
}
