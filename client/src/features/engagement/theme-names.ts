import { MAX_THEME_NAME_LENGTH, type FeedbackTheme } from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';

/**
 * Problems with a theme's name: given, short, one line, and not the name of another
 * theme (whatever its capitals). `themeId` is the theme being renamed, or 'new'.
 */
export function checkThemeName(
  fieldId: string,
  name: string,
  existing: readonly FeedbackTheme[],
  themeId: string,
): ProblemItem[] {
  const trimmed = name.trim();
  if (trimmed === '') return [{ fieldId, text: 'Enter a name for the theme' }];
  if (trimmed.length > MAX_THEME_NAME_LENGTH) {
    return [{ fieldId, text: `Theme name must be ${MAX_THEME_NAME_LENGTH} characters or fewer` }];
  }
  if (/[\r\n]/.test(trimmed)) return [{ fieldId, text: 'Theme name must be on one line' }];
  const same = existing.find(
    (theme) => theme.id !== themeId && theme.name.toLowerCase() === trimmed.toLowerCase(),
  );
  if (same) {
    return [
      {
        fieldId,
        text: `There is already a theme called ${same.name}. Choose another name, or merge the two themes`,
      },
    ];
  }
  return [];
}
