import type { TargetCohort } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { saveTargetCohort } from '../../api/engagement';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/SuccessBanner';
import { ReachFields } from './ReachFields';
import { useRefreshEngagement } from './engagement-queries';
import { readReach, reachRows, reachValuesFrom } from './reach-grid';

export const COHORT_ROWS = reachRows('Age not split');
const ID_PREFIX = 'cohort';

interface TargetCohortFormProps {
  workspaceId: string;
  cohort: TargetCohort;
  onProblems: (found: boolean) => void;
}

/** The people the service is for, group by group; blank is "no figure", not nought. */
export function TargetCohortForm({ workspaceId, cohort, onProblems }: TargetCohortFormProps) {
  const [values, setValues] = useState(() => reachValuesFrom(cohort.groups));
  const [problems, setShownProblems] = useState<ProblemItem[]>([]);
  const [saved, setSaved] = useState(0);
  const setProblems = (found: ProblemItem[]) => {
    setShownProblems(found);
    onProblems(found.length > 0);
  };
  const refresh = useRefreshEngagement(workspaceId);
  const saving = useMutation({
    mutationFn: (groups: TargetCohort['groups']) => saveTargetCohort(workspaceId, groups),
    onSuccess: async () => {
      setSaved((count) => count + 1);
      await refresh();
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, counts } = readReach(COHORT_ROWS, values, ID_PREFIX);
    setProblems(found);
    setSaved(0);
    if (found.length === 0) saving.mutate(counts);
  };
  return (
    <>
      {saved > 0 && (
        <SuccessBanner heading="Target cohort saved" key={saved}>
          <p>The engagement overview now compares who took part with these figures.</p>
        </SuccessBanner>
      )}
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problems} />
        <ReachFields
          legend="How many people the service is for, by group"
          hint="For example, from the dynamic support register or the joint strategic needs assessment. Leave a group blank if you have no figure for it."
          rows={COHORT_ROWS}
          values={values}
          onChange={setValues}
          idPrefix={ID_PREFIX}
          problems={problems}
        />
        <Button busyText={saving.isPending && 'Saving…'}>Save target cohort</Button>
      </form>
    </>
  );
}
