import type { ComparisonRef } from '@coproduce/domain';

/**
 * Reads a `from` / `to` value from the address bar: only the three shapes the server
 * knows, so a mistyped link shows "choose what to compare" rather than a failed request.
 */
export function parseComparisonRef(value: string | null): ComparisonRef | undefined {
  if (value === 'draft') return 'draft';
  if (value === null) return undefined;
  const version = /^version:([1-9]\d{0,8})$/.exec(value);
  if (version) return `version:${Number(version[1])}`;
  const checkpoint = /^checkpoint:([A-Za-z0-9_-]{1,64})$/.exec(value);
  if (checkpoint) return `checkpoint:${checkpoint[1]!}`;
  return undefined;
}

export function versionRef(versionNumber: number): ComparisonRef {
  return `version:${versionNumber}`;
}
