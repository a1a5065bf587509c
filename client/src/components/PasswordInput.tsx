import { TextInput, type TextInputProps } from './TextInput';

interface PasswordInputProps extends Omit<TextInputProps, 'type' | 'width'> {
  /** Lets password managers fill a saved password or offer a new one. */
  autoComplete: 'current-password' | 'new-password';
}

/** NHS.UK password field, wide enough for a passphrase of a few words. */
export function PasswordInput(props: PasswordInputProps) {
  return <TextInput {...props} type="password" width={20} />;
}
