import type { FeedbackTheme } from '@coproduce/domain';
import { Checkboxes } from '../../components/Checkboxes';
import { TextInput } from '../../components/TextInput';

interface ThemeChoicesProps {
  /** Ids for the checkboxes and the new theme's field. */
  ids: { themes: string; newTheme: string };
  themes: readonly FeedbackTheme[];
  chosen: string[];
  onChoose: (themeIds: string[]) => void;
  newTheme: string;
  onNewTheme: (name: string) => void;
  errors: { themes?: string; newTheme?: string };
}

/** The workspace's themes to tick, and a field to add one that is not on the list. */
export function ThemeChoices({
  ids,
  themes,
  chosen,
  onChoose,
  newTheme,
  onNewTheme,
  errors,
}: ThemeChoicesProps) {
  const newThemeField = (
    <TextInput
      id={ids.newTheme}
      label={themes.length === 0 ? 'Theme (optional)' : 'Or add a new theme (optional)'}
      hint="It is added to the workspace’s list of themes"
      autoComplete="off"
      value={newTheme}
      onChange={onNewTheme}
      error={errors.newTheme}
    />
  );
  if (themes.length === 0) return newThemeField;
  return (
    <Checkboxes
      id={ids.themes}
      label="Themes (optional)"
      hint="Choose all that apply"
      options={themes.map((theme) => ({ value: theme.id, text: theme.name }))}
      values={chosen}
      onChange={onChoose}
      error={errors.themes}
    >
      <div className="nhsuk-u-margin-top-4">{newThemeField}</div>
    </Checkboxes>
  );
}
