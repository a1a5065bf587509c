import { Fieldset } from '../../components/Fieldset';
import type { ProblemItem } from '../../components/ErrorSummary';
import type { ReachRow, ReachValues } from './reach-grid';

interface ReachFieldsProps {
  /** What the numbers count: the group's legend and the table's caption. */
  legend: string;
  hint?: string;
  rows: readonly ReachRow[];
  values: ReachValues;
  onChange: (values: ReachValues) => void;
  /** Begins each field's id: `${idPrefix}-${row.key}`. */
  idPrefix: string;
  problems: readonly ProblemItem[];
}

const CYP = 'children-and-young-people';

/**
 * A table of number fields, one a group: children and young people by age band under
 * their own heading, then each other audience. Each field is labelled by its row.
 */
export function ReachFields({
  legend,
  hint,
  rows,
  values,
  onChange,
  idPrefix,
  problems,
}: ReachFieldsProps) {
  const groups = [
    { heading: 'Children and young people', rows: rows.filter((row) => row.audience === CYP) },
    { heading: 'Other audiences', rows: rows.filter((row) => row.audience !== CYP) },
  ].filter((group) => group.rows.length > 0);

  return (
    <Fieldset field={{ id: idPrefix, label: legend, hint }} legendSize="m">
      <table className="nhsuk-table coproduce-reach-table">
        <caption className="nhsuk-u-visually-hidden">{legend}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Group
            </th>
            <th scope="col" className="nhsuk-table__header">
              Number
            </th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody className="nhsuk-table__body" key={group.heading}>
            <tr className="nhsuk-table__row">
              <th
                scope="rowgroup"
                colSpan={2}
                className="nhsuk-table__header coproduce-reach-table__group"
              >
                {group.heading}
              </th>
            </tr>
            {group.rows.map((row) => (
              <ReachField
                key={row.key}
                row={row}
                id={`${idPrefix}-${row.key}`}
                value={values[row.key] ?? ''}
                onChange={(value) => onChange({ ...values, [row.key]: value })}
                problems={problems}
              />
            ))}
          </tbody>
        ))}
      </table>
    </Fieldset>
  );
}

function ReachField({
  row,
  id,
  value,
  onChange,
  problems,
}: {
  row: ReachRow;
  id: string;
  value: string;
  onChange: (value: string) => void;
  problems: readonly ProblemItem[];
}) {
  const error = problems.find((problem) => problem.fieldId === id)?.text;
  return (
    <tr className="nhsuk-table__row">
      <th scope="row" className="nhsuk-table__header coproduce-reach-table__row-header">
        <label className="nhsuk-label" htmlFor={id}>
          {row.label}
          {row.audience === CYP && (
            <span className="nhsuk-u-visually-hidden"> (children and young people)</span>
          )}
        </label>
      </th>
      <td className={`nhsuk-table__cell${error ? ' coproduce-reach-table__cell--error' : ''}`}>
        {error && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <input
          id={id}
          name={id}
          className={`nhsuk-input nhsuk-input--width-5${error ? ' nhsuk-input--error' : ''}`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
        />
      </td>
    </tr>
  );
}
