/** The few icons the panel draws, as inline SVG marked decorative (text says the same). */
export function ErrorIcon() {
  return (
    <svg className="vl-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Zm0 3a.9.9 0 0 0-.9.9v3.2a.9.9 0 0 0 1.8 0V5.4a.9.9 0 0 0-.9-.9Zm0 5.8a.95.95 0 1 0 0 1.9.95.95 0 0 0 0-1.9Z"
      />
    </svg>
  );
}

export function CrossIcon() {
  return (
    <svg className="vl-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M4.28 3.22a.75.75 0 0 0-1.06 1.06L6.94 8l-3.72 3.72a.75.75 0 1 0 1.06 1.06L8 9.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L9.06 8l3.72-3.72a.75.75 0 0 0-1.06-1.06L8 6.94 4.28 3.22Z"
      />
    </svg>
  );
}

export function ChevronIcon() {
  return (
    <svg
      className="vl-icon chevron"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="currentColor"
        d="M6.03 3.47a.75.75 0 0 0-1.06 1.06L8.44 8l-3.47 3.47a.75.75 0 1 0 1.06 1.06l4-4a.75.75 0 0 0 0-1.06l-4-4Z"
      />
    </svg>
  );
}
