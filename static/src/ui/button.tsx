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
  type = 'button',
  className,
  disabled,
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
    >
      {busy ? <Spinner /> : null}
      {children}
    </button>
  );
}
