import type { VersionSummary } from '@coproduce/domain';

/**
 * The version a reader lands on: the newest that stands, else (all withdrawn) the newest,
 * so its withdrawal and reason are what they read first.
 */
export function latestVersion(
  versions: readonly Pick<VersionSummary, 'number' | 'withdrawn'>[],
): number | undefined {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  return (newestFirst.find((version) => !version.withdrawn) ?? newestFirst[0])?.number;
}
