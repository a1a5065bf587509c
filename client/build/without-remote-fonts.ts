import type { Plugin } from 'vite';

/**
 * Drops nhsuk-frontend's @font-face rules, which load the Frutiger web font from
 * assets.nhs.uk. A self-hosted Coproduce makes no third-party requests (its
 * Content-Security-Policy refuses them anyway), so text uses the next fonts in
 * NHS.UK's own stack: Arial, then the system sans-serif.
 */
export function withoutRemoteFonts(): Plugin {
  return {
    name: 'coproduce:without-remote-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!/nhsuk-frontend.*\.css(\?|$)/.test(id)) return null;
      return { code: code.replace(/@font-face\s*\{[^}]*https?:\/\/[^}]*\}/g, ''), map: null };
    },
  };
}
