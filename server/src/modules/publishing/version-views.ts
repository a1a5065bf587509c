import type { PublishingPerson, VersionDetail, VersionSummary } from '@coproduce/domain';
import type { SpecificationVersion } from './specification-version.schema';
import { questionsOpen } from './clarification-deadline';

export type StoredVersion = SpecificationVersion & { _id: unknown };

/** People by id, for naming who published, withdrew, answered. */
export type People = ReadonlyMap<string, PublishingPerson>;

export function personIn(people: People, id: { toHexString(): string }): PublishingPerson {
  const key = id.toHexString();
  return people.get(key) ?? { id: key, name: 'A former member' };
}

export function versionSummary(
  version: StoredVersion,
  people: People,
  now = new Date(),
): VersionSummary {
  return {
    number: version.number,
    name: version.name,
    publishedAt: version.publishedAt.toISOString(),
    withdrawn: version.withdrawal !== null,
    withdrawal: version.withdrawal
      ? {
          reason: version.withdrawal.reason,
          withdrawnAt: version.withdrawal.at.toISOString(),
          withdrawnBy: personIn(people, version.withdrawal.by),
        }
      : null,
    publishedBy: personIn(people, version.publishedBy),
    clarificationDeadline: version.clarificationDeadline,
    submissionDeadline: version.submissionDeadline,
    acceptingQuestions:
      version.withdrawal === null && questionsOpen(version.clarificationDeadline, now),
  };
}

export function versionDetail(version: StoredVersion, people: People): VersionDetail {
  return {
    ...versionSummary(version, people),
    specificationId: version.specificationId.toHexString(),
    specificationTitle: version.specificationTitle,
    notes: version.notes,
    html: version.html,
    markdown: version.markdown,
    outline: version.outline.map(({ id, level, text }) => ({ id, level, text })),
  };
}
