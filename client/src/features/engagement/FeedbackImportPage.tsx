// Feedback from a survey tool's CSV file: choose the file, see it checked row by row
// (nothing is stored by the check), choose which column holds which field, then
// import every row or none. The upload shows its progress; a file over the limit is
// refused here, before any of it is sent.
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error';
import {
  saveImportColumns,
  sendFeedbackCsv,
  type FeedbackImportCheck,
  type FeedbackImportColumn,
  type ImportTarget,
} from '../../api/feedback-import';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Radios } from '../../components/Radios';
import { Select } from '../../components/Select';
import { SuccessBanner } from '../../components/SuccessBanner';
import { paths } from '../../paths';
import { EngagementUnavailable } from './EngagementUnavailable';
import { useEngagementEvents, useRefreshEngagement } from './engagement-queries';
import { fileProblem, readHeaders, rememberedColumns, rowsWord } from './feedback-import';
import { ImportColumnsForm } from './ImportColumnsForm';
import { ImportProblems } from './ImportProblems';
import { UploadProgress } from './UploadProgress';
import { useEngagementFrame } from './useEngagementFrame';
import './engagement.css';

const FILE_ID = 'feedback-file';
const KIND_OPTIONS = [
  { value: 'feedback', text: 'Feedback: what people said' },
  {
    value: 'reach',
    text: 'Who took part in one event',
    hint: 'A row per person (audience, age band), or a count column: added to the event’s counts',
  },
] as const;

/** What the page is doing: sending the file (checking or importing), or saving columns. */
type Busy = 'checking' | 'importing' | 'saving-columns' | false;

export function FeedbackImportPage() {
  const frame = useEngagementFrame();
  const { workspaceId, workspaceName, allowed, breadcrumbs } = frame;
  const refresh = useRefreshEngagement(workspaceId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [busy, setBusy] = useState<Busy>(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [check, setCheck] = useState<FeedbackImportCheck | null>(null);
  /** The file's headings and which holds each field: from the check, or read here when it failed. */
  const [mapping, setMapping] = useState<Pick<FeedbackImportCheck, 'headers' | 'columns'> | null>(
    null,
  );
  const [failure, setFailure] = useState<unknown>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [kind, setKind] = useState<ImportTarget['kind']>('feedback');
  const [eventId, setEventId] = useState('');
  const events = useEngagementEvents(workspaceId, kind === 'reach');
  const target: ImportTarget = kind === 'reach' ? { kind, eventId } : { kind };

  const title = 'Import feedback from a CSV file';
  if (frame.pending) {
    return (
      <Page title={title} breadcrumbs={breadcrumbs}>
        <Loading what="the page" />
      </Page>
    );
  }
  if (frame.error || !allowed('feedback.manage')) {
    return (
      <EngagementUnavailable
        title="You cannot import feedback in this workspace"
        breadcrumbs={breadcrumbs}
        error={frame.error}
        reason="Only those who manage the workspace’s feedback import it."
        workspaceId={workspaceId}
      />
    );
  }

  /** Sends the chosen file; the answer replaces what the page showed of the last one. */
  const send = async (commit: boolean) => {
    const problem =
      kind === 'reach' && eventId === '' ? 'Select the event they took part in' : fileProblem(file);
    if (problem || !file) {
      setFileError(problem);
      setCheck(null);
      setMapping(null);
      return;
    }
    setFileError(undefined);
    setFailure(null);
    setBusy(commit ? 'importing' : 'checking');
    setProgress(0);
    try {
      const answer = await sendFeedbackCsv(workspaceId, file, commit, setProgress, target);
      if (answer.kind === 'imported') {
        setImported(answer.imported);
        setCheck(null);
        setMapping(null);
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
        void refresh();
      } else {
        setCheck(answer.check);
        setMapping({ headers: answer.check.headers, columns: answer.check.columns });
      }
    } catch (error) {
      setCheck(null);
      // A file the server would not take (too large, not CSV, no header) is the file's problem.
      if (isApiError(error) && [400, 413, 415].includes(error.status)) {
        setFileError(error.message);
        // With no column it knows for a field, the person chooses the columns from the file's headings.
        const headers =
          error.status === 400 && !commit ? await readHeaders(file).catch(() => []) : [];
        setMapping(
          headers.length > 0
            ? {
                headers,
                columns: mapping?.headers.join() === headers.join() ? mapping.columns : [],
              }
            : null,
        );
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    setImported(null);
    void send(false);
  };

  const onColumns = async (columns: FeedbackImportColumn[]) => {
    setFailure(null);
    setBusy('saving-columns');
    try {
      await saveImportColumns(workspaceId, rememberedColumns(columns));
    } catch (error) {
      setFailure(error);
      setBusy(false);
      return;
    }
    await send(false);
  };

  const problems = fileError ? [{ text: fileError, fieldId: FILE_ID }] : [];

  return (
    <Page
      title={`${title} – ${workspaceName}`}
      breadcrumbs={[...breadcrumbs, { to: paths.feedback(workspaceId), text: 'Feedback' }]}
      hasError={problems.length > 0 || failure !== null}
    >
      {imported !== null && (
        <SuccessBanner
          heading={
            kind === 'reach'
              ? `${imported.toLocaleString('en-GB')} ${imported === 1 ? 'person' : 'people'} added to the event’s counts`
              : `${rowsWord(imported)} of feedback imported`
          }
        >
          <p>
            <Link className="nhsuk-notification-banner__link" to={paths.feedback(workspaceId)}>
              See the feedback
            </Link>
          </p>
        </SuccessBanner>
      )}
      <ErrorSummary problems={problems} />
      {failure !== null && <ApiErrorSummary error={failure} />}
      <CaptionedHeading caption={workspaceName}>{title}</CaptionedHeading>
      <p>
        Bring in feedback from a survey tool or a spreadsheet, saved as a CSV file. Each row is
        checked first and nothing is saved until every row is right.
      </p>
      <p>
        The file needs a column for what was said and a column for who said it. It can also have
        columns for age band, themes, engagement event, where it came from and whether these are the
        person’s own words.
      </p>
      <form onSubmit={onCheck} noValidate>
        <Radios
          id="import-kind"
          label="What does the file hold?"
          options={KIND_OPTIONS}
          value={kind}
          onChange={(chosen) => {
            setKind(chosen);
            setCheck(null);
            setMapping(null);
            setImported(null);
          }}
        />
        {kind === 'reach' && (
          <Select
            id="import-event"
            label="Which event did they take part in?"
            options={[
              { value: '', text: events.data ? 'Choose an event' : 'Loading the events…' },
              ...(events.data ?? []).map((event) => ({ value: event.id, text: event.title })),
            ]}
            value={eventId}
            onChange={(chosen) => {
              setEventId(chosen);
              setCheck(null);
            }}
          />
        )}
        <div
          className={`nhsuk-form-group nhsuk-file-upload${fileError ? ' nhsuk-form-group--error' : ''}`}
        >
          <label className="nhsuk-label nhsuk-label--s" htmlFor={FILE_ID}>
            Upload a CSV file
          </label>
          <div className="nhsuk-hint" id={`${FILE_ID}-hint`}>
            The file must be 20 MB or smaller
          </div>
          {fileError && (
            <span className="nhsuk-error-message" id={`${FILE_ID}-error`}>
              <span className="nhsuk-u-visually-hidden">Error:</span> {fileError}
            </span>
          )}
          <input
            ref={fileInput}
            id={FILE_ID}
            name={FILE_ID}
            type="file"
            accept=".csv,text/csv"
            className="nhsuk-file-upload__input"
            aria-describedby={`${FILE_ID}-hint${fileError ? ` ${FILE_ID}-error` : ''}`}
            disabled={busy !== false}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              setCheck(null);
              setMapping(null);
              setImported(null);
              setFailure(null);
              // Too large is said at once, before anything is sent.
              setFileError(chosen ? fileProblem(chosen) : undefined);
            }}
          />
        </div>
        <Button busyText={busy === 'checking' ? 'Checking the file…' : false}>
          Check the file
        </Button>
      </form>
      {progress !== null && (
        <UploadProgress
          fraction={progress}
          what={busy === 'importing' ? 'Importing the file' : 'Checking the file'}
        />
      )}
      {check && (
        <section aria-labelledby="import-check-heading">
          <h2 id="import-check-heading">What the file holds</h2>
          <p>
            The file has {rowsWord(check.rows)}{' '}
            {kind === 'reach' ? 'of who took part' : 'of feedback'}.{' '}
            {check.valid
              ? 'Every row can be imported.'
              : 'Some rows have a problem, so nothing can be imported yet.'}
          </p>
          {!check.valid && <ImportProblems errors={check.errors} />}
          {check.valid && check.rows > 0 && (
            <Button
              type="button"
              busyText={busy === 'importing' ? 'Importing…' : false}
              disabled={busy !== false}
              onClick={() => void send(true)}
            >
              Import {rowsWord(check.rows)}
            </Button>
          )}
        </section>
      )}
      {/* Reach files' columns are found by name, or as remembered for the workspace. */}
      {mapping && kind === 'feedback' && (
        <ImportColumnsForm
          // A new check starts the choices again from the columns it read.
          key={JSON.stringify(mapping)}
          headers={mapping.headers}
          columns={mapping.columns}
          busy={busy === 'saving-columns'}
          disabled={busy !== false}
          onSave={(columns) => void onColumns(columns)}
        />
      )}
      <p>
        <Link to={paths.feedback(workspaceId)}>Back to the feedback</Link>
      </p>
    </Page>
  );
}
