import { ukDateTime } from '../../base/uk-time';
import type { ExportCover } from './document-node';

// People read the dates on a cover in the UK, whatever the server's time zone.
const UK_DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

/** The cover of a draft: plainly not published, and when the text was taken. */
export function draftCover(title: string, exportedAt: Date): ExportCover {
  return {
    title,
    subtitle: `Draft, not published: the text as it was on ${ukDateTime(exportedAt)}`,
  };
}

/** The cover of a published version: its number, name and the day it was published. */
export function versionCover(
  title: string,
  version: { number: number; name: string; publishedAt: Date | string },
): ExportCover {
  const day = UK_DAY.format(new Date(version.publishedAt));
  return {
    title,
    subtitle: `Version ${version.number}: ${version.name}, published ${day}`,
  };
}
