import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { DateInput } from '../../components/DateInput';
import { humanise } from './describe-audit-entry';
import { validateAuditFilters, type AuditFilters } from './audit-search';

interface AuditFiltersFormProps {
  filters: AuditFilters;
  people: ReadonlyArray<{ id: string; name: string }>;
  actions: ReadonlyArray<{ value: string; text: string }>;
  targetTypes: readonly string[];
  /** What the target filter names, when it names one thing. */
  targetName: string | null;
  clearLink: string;
  withoutTarget: string;
  onApply: (filters: AuditFilters) => void;
}

/** Who, what, when and which kind of thing: the audit log narrowed, kept in the address. */
export function AuditFiltersForm({
  filters,
  people,
  actions,
  targetTypes,
  targetName,
  clearLink,
  withoutTarget,
  onApply,
}: AuditFiltersFormProps) {
  const [values, setValues] = useState(filters);
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const set = (name: keyof AuditFilters) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const error = (id: string) => problems.find((problem) => problem.fieldId === id)?.text;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateAuditFilters(values);
    setProblems(found);
    if (found.length === 0) onApply(values);
  };

  return (
    <form onSubmit={submit} noValidate className="coproduce-audit-filters" aria-label="Filters">
      <ErrorSummary problems={problems} />
      <h2 className="nhsuk-heading-m">Filter the log</h2>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <Select
            id="actorId"
            label="Who"
            options={[
              { value: '', text: 'Anyone' },
              ...people.map((p) => ({ value: p.id, text: p.name })),
            ]}
            value={values.actorId}
            onChange={set('actorId')}
          />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <Select
            id="action"
            label="What"
            options={[{ value: '', text: 'Any change' }, ...actions]}
            value={values.action}
            onChange={set('action')}
          />
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <DateInput
            id="from"
            label="From"
            hint="The first day, included. For example, 1 12 2026"
            value={values.from}
            onChange={set('from')}
            error={error('from')}
          />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <DateInput
            id="to"
            label="To"
            hint="The last day, included"
            value={values.to}
            onChange={set('to')}
            error={error('to')}
          />
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <Select
            id="targetType"
            label="Changed"
            hint="The kind of thing that was changed"
            options={[
              { value: '', text: 'Anything' },
              ...targetTypes.map((type) => ({ value: type, text: humanise(type) })),
            ]}
            value={values.targetType}
            onChange={set('targetType')}
          />
        </div>
      </div>
      {filters.targetId && (
        <p>
          Only changes to <strong>{targetName ?? 'one thing'}</strong>.{' '}
          <Link to={withoutTarget}>Show changes to anything</Link>
        </p>
      )}
      <div className="nhsuk-button-group">
        <Button variant="secondary">Apply filters</Button>
        <Link to={clearLink} className="nhsuk-link">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
