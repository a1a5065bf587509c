import type { ButtonHTMLAttributes } from 'react';

type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'reverse';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  small?: boolean;
}

export function Button({
  variant = 'primary',
  small = false,
  type = 'submit',
  className,
  ...rest
}: ButtonProps) {
  const classes = ['nhsuk-button'];
  if (variant !== 'primary') classes.push(`nhsuk-button--${variant}`);
  if (small) classes.push('nhsuk-button--small');
  if (className) classes.push(className);
  return <button type={type} className={classes.join(' ')} data-module="nhsuk-button" {...rest} />;
}
