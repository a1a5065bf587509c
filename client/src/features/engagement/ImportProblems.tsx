import { useEffect, useRef } from 'react';
import type { FeedbackImportCheck } from '../../api/feedback-import';

/** Problems the server lists at most, per answer. */
const MOST_LISTED = 500;

/**
 * The rows of a file that cannot be imported, in the error summary's style: a table
 * of the row (as a spreadsheet numbers it, the header being row 1) and what is wrong.
 */
export function ImportProblems({ errors }: { errors: FeedbackImportCheck['errors'] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [errors]);
  const rows = new Set(errors.map((error) => error.row)).size;
  return (
    <div
      className="nhsuk-error-summary coproduce-import-problems"
      ref={ref}
      tabIndex={-1}
      aria-labelledby="import-problems-heading"
    >
      <h2 className="nhsuk-error-summary__heading" id="import-problems-heading">
        {rows === 1 ? '1 row has a problem' : `${rows.toLocaleString('en-GB')} rows have a problem`}
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>
          Correct these rows in the file and check it again, or choose another column for a field
          below. Nothing has been imported.
          {errors.length >= MOST_LISTED && ` The first ${MOST_LISTED} problems are listed.`}
        </p>
        <div
          className="app-table-scroll"
          role="region"
          aria-label="Rows with a problem"
          tabIndex={0}
        >
          <table className="nhsuk-table">
            <caption className="nhsuk-u-visually-hidden">Rows with a problem</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Row
                </th>
                <th scope="col" className="nhsuk-table__header">
                  What is wrong
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {errors.map((error, index) => (
                <tr className="nhsuk-table__row" key={`${error.row}:${index}`}>
                  <td className="nhsuk-table__cell">{error.row}</td>
                  <td className="nhsuk-table__cell">{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
