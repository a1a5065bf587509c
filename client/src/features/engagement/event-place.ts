import type { EngagementEvent } from '@coproduce/domain';

/** Where an event was: its place, "Online", or both. */
export function eventPlace(event: Pick<EngagementEvent, 'place' | 'online'>): string {
  if (event.place && event.online) return `${event.place}, and online`;
  if (event.place) return event.place;
  return event.online ? 'Online' : 'Not recorded';
}
