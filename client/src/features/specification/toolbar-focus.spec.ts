import { toolbarFocusTarget } from './toolbar-focus';

describe('moving focus along the formatting toolbar', () => {
  it('moves to the next and previous control with the arrow keys', () => {
    expect(toolbarFocusTarget('ArrowRight', 2, 7)).toBe(3);
    expect(toolbarFocusTarget('ArrowLeft', 2, 7)).toBe(1);
  });

  it('wraps round at either end', () => {
    expect(toolbarFocusTarget('ArrowRight', 6, 7)).toBe(0);
    expect(toolbarFocusTarget('ArrowLeft', 0, 7)).toBe(6);
  });

  it('goes to the first and last control with Home and End', () => {
    expect(toolbarFocusTarget('Home', 4, 7)).toBe(0);
    expect(toolbarFocusTarget('End', 1, 7)).toBe(6);
  });

  it('leaves other keys, such as the paragraph style list’s up and down, to the control', () => {
    expect(toolbarFocusTarget('ArrowDown', 1, 7)).toBeNull();
    expect(toolbarFocusTarget('Enter', 1, 7)).toBeNull();
    expect(toolbarFocusTarget('ArrowRight', 0, 0)).toBeNull();
  });
});
