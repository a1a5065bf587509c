import { MAX_MENTIONS } from '@coproduce/domain';
import {
  insertMention,
  mentionedIds,
  mentionListKey,
  mentionQueryAt,
  peopleMatching,
} from './mentions';

describe('typing an @mention', () => {
  it('finds the name being typed after an "@" at the start or after a space', () => {
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Ask @sa', 7)).toEqual({ start: 4, query: 'sa' });
    expect(mentionQueryAt('Ask @Sam Pa', 11)).toEqual({ start: 4, query: 'Sam Pa' });
    expect(mentionQueryAt('line\n@al', 8)).toEqual({ start: 5, query: 'al' });
  });

  it('is not a mention inside an email address, across a line, or once typing moved on', () => {
    expect(mentionQueryAt('write to sam@nhs.net', 20)).toBeNull();
    expect(mentionQueryAt('@sam\nthen', 9)).toBeNull();
    expect(mentionQueryAt('@ sam', 5)).toBeNull();
    expect(mentionQueryAt('Ask @Sam Patel ', 15)).toBeNull();
    expect(mentionQueryAt('no mention here', 15)).toBeNull();
    expect(mentionQueryAt(`@${'x'.repeat(41)}`, 42)).toBeNull();
  });

  it('offers the people with a name, or a word of it, starting with what was typed', () => {
    const people = [
      { id: '1', name: 'Sam Patel' },
      { id: '2', name: 'Ali Khan' },
      { id: '3', name: 'Pat Jones' },
    ];
    expect(peopleMatching(people, 'pat').map((each) => each.id)).toEqual(['1', '3']);
    expect(peopleMatching(people, '')).toHaveLength(3);
    expect(peopleMatching(people, 'zz')).toEqual([]);
    expect(peopleMatching(people, '', 2)).toHaveLength(2);
  });

  it('puts the picked name in place of what was typed, with the caret after it', () => {
    const text = 'Ask @sa about it';
    expect(insertMention(text, { start: 4, query: 'sa' }, 7, 'Sam Patel')).toEqual({
      text: 'Ask @Sam Patel  about it',
      caret: 15,
    });
  });

  it('sends only the people whose mention is still in the text, once each', () => {
    const sam = { id: 'sam', name: 'Sam Patel' };
    const ali = { id: 'ali', name: 'Ali Khan' };
    expect(mentionedIds('@Sam Patel and @Sam Patel again', [sam, ali, sam])).toEqual(['sam']);
    expect(mentionedIds('nobody now', [sam])).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, name: `P${i}` }));
    expect(mentionedIds(many.map((each) => `@${each.name}`).join(' '), many)).toHaveLength(
      MAX_MENTIONS,
    );
  });

  it('moves through the list with the arrows, wrapping round; Enter or Tab picks; Escape closes', () => {
    expect(mentionListKey('ArrowDown', 2, 3)).toEqual({ move: 0 });
    expect(mentionListKey('ArrowUp', 0, 3)).toEqual({ move: 2 });
    expect(mentionListKey('Enter', 1, 3)).toBe('pick');
    expect(mentionListKey('Tab', 1, 3)).toBe('pick');
    expect(mentionListKey('Escape', 1, 3)).toBe('close');
    expect(mentionListKey('a', 1, 3)).toBeNull();
    expect(mentionListKey('Enter', 0, 0)).toBeNull();
  });
});
