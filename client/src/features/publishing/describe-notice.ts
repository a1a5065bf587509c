import type { PublishingNotice } from '@coproduce/domain';
import { paths } from '../../paths';

/** What a notice says, in words, and where it leads. */
export function describeNotice(notice: PublishingNotice): { text: string; to: string } {
  const { workspaceId, specificationId, versionNumber, specificationTitle } = notice;
  const version = paths.version(workspaceId, specificationId, versionNumber);
  switch (notice.kind) {
    case 'version-published':
      return {
        text: `Version ${versionNumber} of ${specificationTitle} was published`,
        to: version,
      };
    case 'version-withdrawn':
      return {
        text: `Version ${versionNumber} of ${specificationTitle} was withdrawn`,
        to: version,
      };
    case 'question-answered':
      return {
        text: `A clarification question on ${specificationTitle} was answered`,
        to: `${version}#questions`,
      };
    case 'question-asked':
      return {
        text: `A provider asked a question on version ${versionNumber} of ${specificationTitle}`,
        to: paths.questions(workspaceId, specificationId),
      };
  }
}
