import { neighbour, panelCommand, type PanelKey } from './thread-navigation';

const press = (key: string, modifiers: Partial<PanelKey> = {}): PanelKey => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});
const reading = { writing: false, onThread: true };
const writing = { writing: true, onThread: false };

describe('moving through the threads panel with the keyboard', () => {
  it('Alt+Down and Alt+Up move between threads, even while writing', () => {
    expect(panelCommand(press('ArrowDown', { altKey: true }), writing)).toBe('next');
    expect(panelCommand(press('ArrowUp', { altKey: true }), reading)).toBe('previous');
    expect(panelCommand(press('ArrowDown', { altKey: true, shiftKey: true }), reading)).toBeNull();
  });

  it('j and k move too, but type letters while writing', () => {
    expect(panelCommand(press('j'), reading)).toBe('next');
    expect(panelCommand(press('k'), reading)).toBe('previous');
    expect(panelCommand(press('j'), writing)).toBeNull();
    expect(panelCommand(press('j', { ctrlKey: true }), reading)).toBeNull();
  });

  it('Enter on a thread opens its reply box; Escape goes back to the text from anywhere', () => {
    expect(panelCommand(press('Enter'), reading)).toBe('reply');
    expect(panelCommand(press('Enter'), { writing: false, onThread: false })).toBeNull();
    expect(panelCommand(press('Enter'), writing)).toBeNull();
    expect(panelCommand(press('Escape'), writing)).toBe('back-to-text');
  });

  it('stops at the first and last thread, and starts from an end when none is selected', () => {
    expect(neighbour('next', 1, 3)).toBe(2);
    expect(neighbour('next', 2, 3)).toBe(2);
    expect(neighbour('previous', 0, 3)).toBe(0);
    expect(neighbour('next', -1, 3)).toBe(0);
    expect(neighbour('previous', -1, 3)).toBe(2);
    expect(neighbour('next', -1, 0)).toBe(-1);
  });
});
