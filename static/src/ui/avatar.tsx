/** Initials in a circle: Jira's avatar images are on a host the app's CSP does not allow. */
export function Avatar({ name }: { name: string }) {
  const initials = name
    .split(/\s+/)
    .filter((part) => /^\p{L}/u.test(part))
    .map((part) => part.charAt(0))
    .slice(0, 2)
    .join('')
    .toUpperCase();
  return (
    <span className="vl-avatar" aria-hidden="true">
      {initials === '' ? '?' : initials}
    </span>
  );
}
