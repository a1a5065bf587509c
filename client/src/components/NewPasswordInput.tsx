import { PasswordInput } from './PasswordInput';
import type { TextInputProps } from './TextInput';

/** The fewest characters a new password may have: the server's rule, checked in forms too. */
export const MIN_PASSWORD_LENGTH = 10;

/** The field for choosing a password, with the same advice wherever an account is made. */
export function NewPasswordInput(props: Omit<TextInputProps, 'type' | 'width' | 'label' | 'hint'>) {
  return (
    <PasswordInput
      {...props}
      label="Create a password"
      hint={`At least ${MIN_PASSWORD_LENGTH} characters. You could use 3 random words you do not use anywhere else.`}
      autoComplete="new-password"
    />
  );
}
