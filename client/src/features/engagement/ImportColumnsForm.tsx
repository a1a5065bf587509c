import { useState, type FormEvent } from 'react';
import { FEEDBACK_IMPORT_FIELDS, type FeedbackImportColumn } from '../../api/feedback-import';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { chooseColumn, IMPORT_FIELD_NAMES } from './feedback-import';

interface ImportColumnsFormProps {
  /** The file's headings. */
  headers: string[];
  /** Which heading each field was read from (null: none). */
  columns: FeedbackImportColumn[];
  busy: boolean;
  disabled: boolean;
  /** The columns chosen: remembered for the workspace, then the file is checked again. */
  onSave: (columns: FeedbackImportColumn[]) => void;
}

/** Which column of the file each field was read from, each with a choice of another. */
export function ImportColumnsForm({
  headers,
  columns: read,
  busy,
  disabled,
  onSave,
}: ImportColumnsFormProps) {
  const [columns, setColumns] = useState<FeedbackImportColumn[]>(() =>
    FEEDBACK_IMPORT_FIELDS.map(
      (field) => read.find((column) => column.field === field) ?? { field, header: null },
    ),
  );
  const options = [
    { value: '', text: 'Not in the file' },
    ...[...new Set(headers)]
      .filter((header) => header !== '')
      .map((header) => ({ value: header, text: header })),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(columns);
  };
  return (
    <form onSubmit={submit} noValidate className="coproduce-import-columns">
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">Which column holds each field</h2>
        </legend>
        <div className="nhsuk-hint">
          The columns are remembered for the next file you import in this workspace.
        </div>
        {columns.map((column) => (
          <Select
            key={column.field}
            id={`column-${column.field}`}
            label={IMPORT_FIELD_NAMES[column.field]}
            options={options}
            value={column.header ?? ''}
            disabled={disabled}
            onChange={(header) => setColumns(chooseColumn(columns, column.field, header))}
          />
        ))}
      </fieldset>
      <Button
        variant="secondary"
        disabled={disabled}
        busyText={busy ? 'Saving the columns…' : false}
      >
        Use these columns and check again
      </Button>
    </form>
  );
}
