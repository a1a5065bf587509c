import type { MouseEvent } from 'react';

// The router owns the URL fragment, so move focus to the main landmark directly;
// tabindex is added only for that move, as nhsuk-frontend's own script does.
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('maincontent');
  if (!main) return;
  event.preventDefault();
  main.setAttribute('tabindex', '-1');
  main.addEventListener('blur', () => main.removeAttribute('tabindex'), { once: true });
  main.focus();
}

export function SkipLink() {
  return (
    <a className="nhsuk-skip-link" href="#maincontent" onClick={skipToMain}>
      Skip to main content
    </a>
  );
}
