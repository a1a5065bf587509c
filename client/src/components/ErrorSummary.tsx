import { useEffect, useId, useRef, type MouseEvent } from 'react';

export interface ProblemItem {
  text: string;
  /** The id of the field the problem is about; the summary links to it. */
  fieldId?: string;
}

interface ErrorSummaryProps {
  problems: ProblemItem[];
  title?: string;
}

/**
 * NHS.UK error summary. It takes focus whenever it is shown with a new list of
 * problems, so screen reader and keyboard users land on it after a failed submit.
 */
export function ErrorSummary({ problems, title = 'There is a problem' }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);

  if (problems.length === 0) return null;

  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1} aria-labelledby={headingId}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading" id={headingId}>
          {title}
        </h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {problems.map((problem) => (
              <li key={`${problem.fieldId ?? ''}:${problem.text}`}>
                {problem.fieldId ? (
                  <a href={`#${problem.fieldId}`} onClick={focusField(problem.fieldId)}>
                    {problem.text}
                  </a>
                ) : (
                  problem.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

// The router owns the URL, so move focus to the field ourselves rather than following the fragment.
function focusField(fieldId: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  };
}
