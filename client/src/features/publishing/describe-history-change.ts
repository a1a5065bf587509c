import type { HistoryChangedNotice } from '@coproduce/protocol';

/**
 * What someone with the draft open is told when its history changes, so that text
 * changing under them after a restore has a reason they can read.
 */
export function describeHistoryChange(notice: HistoryChangedNotice, myUserId?: string): string {
  const who = notice.by.id === myUserId ? 'You' : notice.by.name;
  switch (notice.change) {
    case 'restored':
      return `${who} restored an earlier checkpoint, so the text has changed for everyone. The text as it was is kept in the history.`;
    case 'version-published':
      return `${who} published a new version of this specification for providers.`;
    case 'version-withdrawn':
      return `${who} withdrew a published version of this specification.`;
    case 'checkpoint-saved':
      return `${who} saved a checkpoint of this specification.`;
  }
}
