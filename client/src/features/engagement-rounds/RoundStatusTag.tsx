import type { RoundStatus } from '@coproduce/domain';
import { Tag } from '../../components/Tag';
import { ROUND_STATUS_TAGS } from './round-words';

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const [label, colour] = ROUND_STATUS_TAGS[status];
  return <Tag colour={colour}>{label}</Tag>;
}
