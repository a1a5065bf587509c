import { FEEDBACK_STATUS_NAMES, type FeedbackStatus } from '@coproduce/domain';
import { Tag, type TagColour } from '../../components/Tag';

const COLOURS: Record<FeedbackStatus, TagColour> = {
  new: 'blue',
  considering: 'yellow',
  reflected: 'green',
  'not-taken-forward': 'grey',
};

export function FeedbackStatusTag({ status }: { status: FeedbackStatus }) {
  return <Tag colour={COLOURS[status]}>{FEEDBACK_STATUS_NAMES[status]}</Tag>;
}
