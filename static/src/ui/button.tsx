import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Spinner } from './skeleton';

export type ButtonAppearance = 'default' | 'primary' | 'subtle' | 'danger' | 'link';

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'type'> {
  appearance?: ButtonAppearance;
  /** Compact buttons sit in table rows and toolbars. */
  spacing?: 'default' | 'compact';
  /** Red text on a subtle button: a destructive action that is not the page's main one. */
  destructive?: boolean;
  /** Work in progress: shows a spinner, says so to screen readers, and refuses a second click. */
  busy?: boolean;
  /**
   * Not available for now, yet keeps the focus: for a button that may hold it when it becomes
   * unavailable (a dialog gives the focus back to its opener), where `disabled` would drop it.
   * Says so to screen readers (`aria-disabled`) and refuses clicks.
   */
  unavailable?: boolean;
  type?: 'button' | 'submit';
  /** Layout hooks of the caller (margins, placement); never colours. */
  className?: string;
  children: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

/** Atlassian's button, the one button of every module. */
export function Button({
  appearance = 'default',
  spacing = 'default',
  destructive = false,
  busy = false,
  unavailable = false,
  type = 'button',
  className,
  disabled,
  onClick,
  children,
  ...rest
}: ButtonProps) {
  const classes = [
    'vl-button',
    `vl-button--${appearance}`,
    spacing === 'compact' ? 'vl-button--compact' : null,
    destructive ? 'vl-button--destructive' : null,
    className ?? null,
  ].filter((name) => name !== null);
  return (
    <button
      {...rest}
      type={type}
      className={classes.join(' ')}
      disabled={disabled === true || busy}
      aria-busy={busy ? true : undefined}
      aria-disabled={unavailable ? true : undefined}
      onClick={unavailable ? undefined : onClick}
    >
      {busy ? <Spinner /> : null}
      {children}
    </button>
  );
}
