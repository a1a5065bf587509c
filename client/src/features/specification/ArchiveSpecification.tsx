import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SpecificationStatus } from '@coproduce/domain';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { deleteSpecification, setSpecificationArchived } from '../../api/specifications';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { Details } from '../../components/Details';
import { ErrorSummary } from '../../components/ErrorSummary';
import { paths } from '../../paths';
import { workspaceKeys } from '../workspace/workspace-queries';

interface Props {
  workspaceId: string;
  specificationId: string;
  status: SpecificationStatus;
  archived: boolean;
}

/**
 * For commissioners: archive a specification (read-only for everyone, at once, even for
 * those with it open), restore it, or delete a draft that was never published.
 */
export function ArchiveSpecification({ workspaceId, specificationId, status, archived }: Props) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [deleteConfirmed, setDeleteConfirmed] = useState(false);
  const [deleteProblem, setDeleteProblem] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspaceId) });
  const archiving = useMutation({
    mutationFn: (archive: boolean) =>
      setSpecificationArchived(workspaceId, specificationId, archive),
    onSuccess: refresh,
  });
  const deleting = useMutation({
    mutationFn: () => deleteSpecification(workspaceId, specificationId),
    onSuccess: async () => {
      await refresh();
      await navigate(paths.workspace(workspaceId));
    },
  });

  const confirmDelete = (event: FormEvent) => {
    event.preventDefault();
    if (!deleteConfirmed) {
      setDeleteProblem('Confirm that the draft and its comments should be deleted for good');
      return;
    }
    setDeleteProblem(null);
    deleting.mutate();
  };

  if (archived) {
    return (
      <div className="nhsuk-u-margin-bottom-4">
        {archiving.isError && <ApiErrorSummary error={archiving.error} />}
        <Button
          type="button"
          variant="secondary"
          onClick={() => archiving.mutate(false)}
          busyText={archiving.isPending && 'Restoring…'}
        >
          Restore this specification
        </Button>
      </div>
    );
  }
  return (
    <>
      <Details summary="Archive this specification">
        <p>
          Archive a specification when its work is finished. Nobody can edit it once it is archived,
          including anyone who has it open now. It stays readable, its published versions stay with
          providers, and you can restore it at any time.
        </p>
        {archiving.isError && <ApiErrorSummary error={archiving.error} />}
        <Button
          type="button"
          variant="secondary"
          onClick={() => archiving.mutate(true)}
          busyText={archiving.isPending && 'Archiving…'}
        >
          Archive specification
        </Button>
      </Details>
      {status === 'draft' && (
        <Details summary="Delete this draft">
          <ErrorSummary
            problems={deleteProblem ? [{ fieldId: 'confirm-delete', text: deleteProblem }] : []}
          />
          {deleting.isError && <ApiErrorSummary error={deleting.error} />}
          <form onSubmit={confirmDelete} noValidate>
            <p>
              This draft has never been published. Deleting it removes its text, its comments and
              its checkpoints for good, and closes it for anyone who has it open.
            </p>
            <div className={`nhsuk-form-group${deleteProblem ? ' nhsuk-form-group--error' : ''}`}>
              {deleteProblem && (
                <span className="nhsuk-error-message" id="confirm-delete-error">
                  <span className="nhsuk-u-visually-hidden">Error:</span> {deleteProblem}
                </span>
              )}
              <div className="nhsuk-checkboxes">
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id="confirm-delete"
                    type="checkbox"
                    checked={deleteConfirmed}
                    aria-describedby={deleteProblem ? 'confirm-delete-error' : undefined}
                    onChange={(event) => setDeleteConfirmed(event.target.checked)}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="confirm-delete">
                    Yes, delete this draft and its comments for good
                  </label>
                </div>
              </div>
            </div>
            <Button variant="warning" busyText={deleting.isPending && 'Deleting…'}>
              Delete draft
            </Button>
          </form>
        </Details>
      )}
    </>
  );
}
