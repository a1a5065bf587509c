import { keyboardShortcut } from './keyboard-shortcut';

describe('describing a formatting shortcut', () => {
  it('names Ctrl elsewhere and Command on a Mac', () => {
    expect(keyboardShortcut('Mod-b', false)).toEqual({
      description: 'Ctrl+B',
      ariaKeyShortcuts: 'Control+B',
    });
    expect(keyboardShortcut('Mod-b', true)).toEqual({
      description: 'Command+B',
      ariaKeyShortcuts: 'Meta+B',
    });
  });

  it('keeps every modifier, in order', () => {
    expect(keyboardShortcut('Mod-Shift-7', false).description).toBe('Ctrl+Shift+7');
    expect(keyboardShortcut('Mod-Alt-2', true)).toEqual({
      description: 'Command+Option+2',
      ariaKeyShortcuts: 'Meta+Alt+2',
    });
  });
});
