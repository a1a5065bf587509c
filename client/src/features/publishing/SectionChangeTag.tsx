import type { SectionChange } from '@coproduce/domain';
import { Tag, type TagColour } from '../../components/Tag';

const CHANGE_TAGS: Record<Exclude<SectionChange, 'unchanged'>, [string, TagColour]> = {
  added: ['New section', 'green'],
  removed: ['Section removed', 'red'],
  changed: ['Changed', 'yellow'],
};

/** How a compared section changed, beside its heading. */
export function SectionChangeTag({ change }: { change: Exclude<SectionChange, 'unchanged'> }) {
  const [label, colour] = CHANGE_TAGS[change];
  return <Tag colour={colour}>{label}</Tag>;
}
