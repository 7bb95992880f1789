import { fieldId, getIn } from './draft';
import { useForm } from './form';
import { Field } from '../../ui/field';
import { UserPicker } from '../../ui/user-picker';

/**
 * A benefit's owner: the Jira user who answers for the benefit arriving, picked with the kit's
 * user picker from Jira's users, as the admin page picks an objective's owner.
 */
export function OwnerField({ path, what = 'benefit' }: { path: string; what?: string }) {
  const form = useForm();
  const raw = getIn(form.draft, path);
  const owner = typeof raw === 'string' ? raw : '';
  return (
    <Field
      id={fieldId(path)}
      label="Owner"
      className="owner-field"
      error={form.errors[path]}
      hint={form.readOnly ? undefined : `Who answers for this ${what} and records what was measured.`}
    >
      {(control) => (
        <UserPicker
          control={control}
          label="Owner"
          value={owner === '' ? null : owner}
          name={form.nameOf(owner)}
          search={form.searchUsers}
          readOnly={form.readOnly}
          onChange={(user) => {
            if (user !== null) form.rememberUser(user);
            form.setField(path, user?.accountId ?? '');
            if (user !== null) form.announce(`${user.displayName} owns this ${what} now.`);
          }}
        />
      )}
    </Field>
  );
}
