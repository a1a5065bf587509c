import { percentOf } from './feedback-import';

/**
 * How much of a file has gone up: a bar, and "Uploaded N%" in a live region that
 * speaks in steps of ten, so a screen reader is told without being flooded.
 */
export function UploadProgress({ fraction, what }: { fraction: number; what: string }) {
  const percent = percentOf(fraction);
  const spoken = percent === 100 ? 100 : Math.floor(percent / 10) * 10;
  return (
    <div className="coproduce-upload-progress">
      <p className="nhsuk-body nhsuk-u-margin-bottom-2" id="upload-progress-label">
        {what}
      </p>
      <div
        className="coproduce-upload-progress__bar"
        role="progressbar"
        aria-labelledby="upload-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="coproduce-upload-progress__done" style={{ width: `${percent}%` }} />
      </div>
      <p className="nhsuk-body coproduce-upload-progress__text" role="status">
        {percent === 100 ? 'Uploaded 100%. Checking every row…' : `Uploaded ${spoken}%`}
      </p>
    </div>
  );
}
