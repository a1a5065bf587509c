import { isApiError } from '../api/api-error';
import { ErrorSummary, type ProblemItem } from './ErrorSummary';

/** Plain-language problems for any error an API call or a page can raise. */
export function problemsFrom(error: unknown): ProblemItem[] {
  if (isApiError(error)) return [{ text: error.message }];
  return [{ text: 'Something went wrong in this page. Refresh it and try again.' }];
}

/** The error summary for a failed load or action that is not tied to one form field. */
export function ApiErrorSummary({ error }: { error: unknown }) {
  return <ErrorSummary problems={problemsFrom(error)} />;
}
