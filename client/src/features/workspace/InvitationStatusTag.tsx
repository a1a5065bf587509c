import type { InvitationStatus } from '@coproduce/domain';
import { Tag, type TagColour } from '../../components/Tag';

const STATUS_TAGS: Record<InvitationStatus, { text: string; colour: TagColour }> = {
  pending: { text: 'Waiting', colour: 'blue' },
  accepted: { text: 'Accepted', colour: 'green' },
  expired: { text: 'Expired', colour: 'grey' },
  revoked: { text: 'Withdrawn', colour: 'red' },
};

export function InvitationStatusTag({ status }: { status: InvitationStatus }) {
  const tag = STATUS_TAGS[status];
  return <Tag colour={tag.colour}>{tag.text}</Tag>;
}
