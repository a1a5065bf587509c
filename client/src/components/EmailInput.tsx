import { TextInput, type TextInputProps } from './TextInput';

/** NHS.UK email field: an email keyboard, the browser's saved address, no spellcheck. */
export function EmailInput({
  autoComplete = 'email',
  ...rest
}: Omit<TextInputProps, 'type' | 'spellCheck'>) {
  return <TextInput {...rest} type="email" autoComplete={autoComplete} spellCheck={false} />;
}
