import type { ButtonHTMLAttributes } from 'react';

type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'reverse';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  small?: boolean;
  /**
   * Says what is happening while the button's request is on its way, such as
   * "Signing in…"; the button is disabled meanwhile so it cannot be sent twice.
   */
  busyText?: string | false;
}

export function Button({
  variant = 'primary',
  small = false,
  type = 'submit',
  className,
  busyText = false,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  const classes = ['nhsuk-button'];
  if (variant !== 'primary') classes.push(`nhsuk-button--${variant}`);
  if (small) classes.push('nhsuk-button--small');
  if (className) classes.push(className);
  return (
    <button
      type={type}
      className={classes.join(' ')}
      data-module="nhsuk-button"
      disabled={disabled || busyText !== false}
      {...rest}
    >
      {busyText || children}
    </button>
  );
}
