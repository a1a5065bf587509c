/**
 * Moves focus to the page's main landmark. It is given tabindex only for the move
 * and loses it on blur, as nhsuk-frontend's skip link script does, so a click
 * inside the page does not outline the whole of it.
 */
export function focusMain(): boolean {
  const main = document.getElementById('maincontent');
  if (!main) return false;
  main.setAttribute('tabindex', '-1');
  main.addEventListener('blur', () => main.removeAttribute('tabindex'), { once: true });
  main.focus({ preventScroll: true });
  return true;
}
