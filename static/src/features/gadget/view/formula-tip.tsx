import { useId, useState } from 'react';

/**
 * An info button whose tooltip explains how a KPI is computed. It opens on hover and on keyboard
 * focus, closes on Escape, and is the button's accessible description, so a screen reader reads
 * the formula without opening anything.
 */
export function FormulaTip({ label, formula }: { label: string; formula: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const show = () => {
    setOpen(true);
  };
  const hide = () => {
    setOpen(false);
  };
  return (
    <span className="vl-tip" onMouseEnter={show} onMouseLeave={hide}>
      <button
        type="button"
        className="vl-tip-button"
        aria-label={`How ${label} is calculated`}
        aria-describedby={id}
        aria-expanded={open}
        onFocus={show}
        onBlur={hide}
        onClick={() => {
          setOpen((now) => !now);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') hide();
        }}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="6.5" />
          <path d="M8 7.2v4M8 4.6v.3" />
        </svg>
      </button>
      <span role="tooltip" id={id} className="vl-tip-bubble" hidden={!open}>
        {formula}
      </span>
    </span>
  );
}
