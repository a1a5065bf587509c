// Colours from the NHS.UK palette, each at least 3:1 against white (WCAG 1.4.11), so
// every bar can be seen; no chart relies on colour alone (labels, key, table, summary).
import type { EngagementEventType, FeedbackStatus } from '@coproduce/domain';

export const NHS_BLUE = '#005eb8';
export const NHS_GREEN = '#007f3b';
export const NHS_DARK_GREY = '#425563';
export const NHS_MID_GREY = '#768692';

export const EVENT_TYPE_COLOURS: Record<EngagementEventType, string> = {
  'drop-in': NHS_BLUE,
  interview: NHS_GREEN,
  'focus-group': '#ae2573',
  survey: '#330072',
  workshop: '#a04a00',
  'market-engagement': '#00758a',
  'steering-group': NHS_DARK_GREY,
  other: NHS_MID_GREY,
};

export const STATUS_COLOURS: Record<FeedbackStatus, string> = {
  new: NHS_BLUE,
  considering: '#a04a00',
  reflected: NHS_GREEN,
  'not-taken-forward': NHS_DARK_GREY,
};
