/** A kind of file an import reads: the fields it fills, and the headers survey tools give them. */
export interface CsvForm<F extends string> {
  fields: readonly F[];
  /** Headers recognised without a mapping, compared without case, spaces or punctuation. */
  knownHeaders: Record<F, string[]>;
}

const fold = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Which column holds which field: a header the workspace mapped before wins, then one
 * recognised by name. Returns the column index per field (absent: not in the file).
 */
export function columnsFor<F extends string>(
  form: CsvForm<F>,
  headers: readonly string[],
  remembered: ReadonlyMap<F, string>,
): Map<F, number> {
  const folded = headers.map(fold);
  const columns = new Map<F, number>();
  const claim = (field: F, index: number | undefined) => {
    if (index === undefined || index < 0 || columns.has(field)) return;
    if (![...columns.values()].includes(index)) columns.set(field, index);
  };
  // What the workspace chose before, first: a name recognised for another field never takes its column.
  for (const field of form.fields) {
    const mapped = remembered.get(field);
    if (mapped !== undefined) claim(field, folded.indexOf(fold(mapped)));
  }
  for (const field of form.fields) {
    claim(
      field,
      form.knownHeaders[field]
        .map((name) => folded.indexOf(fold(name)))
        .find((index) => index >= 0),
    );
  }
  return columns;
}

/** Each field with the heading it was read from (null: not in the file), for the answer. */
export function columnsRead<F extends string>(
  form: CsvForm<F>,
  headers: readonly string[],
  columns: ReadonlyMap<F, number>,
): { field: F; header: string | null }[] {
  return form.fields.map((field) => ({
    field,
    header: columns.has(field) ? headers[columns.get(field)!]! : null,
  }));
}
