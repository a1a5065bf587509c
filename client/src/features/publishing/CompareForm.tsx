import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { ComparisonRef } from '@coproduce/domain';
import { Button } from '../../components/Button';
import { Select, type SelectOption } from '../../components/Select';
import { paths } from '../../paths';

interface CompareFormProps {
  workspaceId: string;
  specificationId: string;
  /** The texts to choose between, newest first. */
  options: SelectOption<ComparisonRef>[];
  from?: ComparisonRef;
  to?: ComparisonRef;
}

/** Two texts to compare, older first; the comparison opens on its own page. */
export function CompareForm({ workspaceId, specificationId, options, from, to }: CompareFormProps) {
  const navigate = useNavigate();
  const [pickedFrom, setFrom] = useState<ComparisonRef | undefined>(from);
  const [pickedTo, setTo] = useState<ComparisonRef | undefined>(to);
  // Until a person chooses, the newest two: the list may still grow after the first render.
  const chosenFrom = pickedFrom ?? options[1]?.value;
  const chosenTo = pickedTo ?? options[0]?.value;
  if (options.length < 2 || !chosenFrom || !chosenTo) {
    return <p>There is nothing to compare yet: save a checkpoint or publish a version first.</p>;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(paths.compare(workspaceId, specificationId, chosenFrom, chosenTo));
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Choose what to compare">
      <div className="coproduce-compare-choice">
        <Select
          id="compare-from"
          label="Compare"
          options={options}
          value={chosenFrom}
          onChange={setFrom}
        />
        <Select id="compare-to" label="with" options={options} value={chosenTo} onChange={setTo} />
      </div>
      <Button variant="secondary">Compare</Button>
    </form>
  );
}
