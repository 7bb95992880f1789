import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

interface ModalProps {
  title: string;
  /** Escape, the backdrop and Cancel all close; refuse while work is in progress. */
  onClose: () => void;
  /** The dialog's buttons, primary last, as Atlassian orders them. */
  actions: ReactNode;
  /** A warning or danger dialog asks a question that must be answered (alertdialog). */
  appearance?: 'default' | 'warning' | 'danger';
  children?: ReactNode;
}

/** The blanket's own padding above the dialog, as in its stylesheet (space.600). */
const MIN_TOP = 48;

/**
 * Where the dialog's top goes in the frame: beside what opened it, kept inside the frame. Jira
 * grows a Custom UI frame to its content, so the frame's viewport can be the whole panel: a dialog
 * at the viewport's top would open far above a button near the panel's end, out of the user's view.
 */
export function dialogTop(openerTop: number | null, dialogHeight: number, viewportHeight: number): number {
  if (openerTop === null) return MIN_TOP;
  const lowest = viewportHeight - dialogHeight - MIN_TOP;
  return Math.max(MIN_TOP, Math.min(openerTop - MIN_TOP, lowest));
}

/**
 * Atlassian's modal dialog, drawn inside the app's iframe: it takes the focus when it opens, keeps
 * Tab inside itself, closes on Escape, and gives the focus back to what opened it.
 */
export function Modal({ title, onClose, actions, appearance = 'default', children }: ModalProps) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [top, setTop] = useState(MIN_TOP);
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const openerTop = opener === null || opener === document.body ? null : opener.getBoundingClientRect().top;
    setTop(dialogTop(openerTop, box.current?.offsetHeight ?? 0, window.innerHeight));
  }, []);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    box.current?.focus();
    return () => {
      opener?.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || box.current === null) return;
    const focusable = [
      ...box.current.querySelectorAll<HTMLElement>('button:not([disabled]), [href], input, select, textarea'),
    ];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (first === undefined || last === undefined) return;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === box.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="vl-blanket" style={{ paddingBlockStart: top }} onClick={onClose}>
      <div
        ref={box}
        className={`vl-modal vl-modal--${appearance}`}
        role={appearance === 'default' ? 'dialog' : 'alertdialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={children === undefined ? undefined : bodyId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onClick={(event) => {
          event.stopPropagation();
        }}
      >
        <h2 className="vl-modal-title" id={titleId}>
          {title}
        </h2>
        {children === undefined ? null : (
          <div className="vl-modal-body" id={bodyId}>
            {children}
          </div>
        )}
        <div className="vl-modal-actions">{actions}</div>
      </div>
    </div>
  );
}
