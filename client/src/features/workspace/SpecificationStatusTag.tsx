import type { SpecificationStatus } from '@coproduce/domain';
import { Tag } from '../../components/Tag';

const STATUS_TAGS: Record<SpecificationStatus, { text: string; colour: 'grey' | 'green' }> = {
  draft: { text: 'Draft', colour: 'grey' },
  published: { text: 'Published', colour: 'green' },
};

export function SpecificationStatusTag({ status }: { status: SpecificationStatus }) {
  const tag = STATUS_TAGS[status];
  return <Tag colour={tag.colour}>{tag.text}</Tag>;
}
