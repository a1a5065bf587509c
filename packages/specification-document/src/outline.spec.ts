import { SPECIFICATION_TEMPLATE } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { readOutline } from './outline';
import { writeSpecificationTemplate } from './template';

function reloaded(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('reading the outline of a specification', () => {
  it('lists every section of the template with its level and heading', () => {
    const doc = new Y.Doc();
    writeSpecificationTemplate(doc);
    const outline = readOutline(doc);
    expect(outline.map(({ level, text }) => ({ level, text }))).toEqual(
      SPECIFICATION_TEMPLATE.map((section) => ({
        level: section.level + 1,
        text: `${section.number}. ${section.heading}`,
      })),
    );
  });

  it('names each section with an id no other section has', () => {
    const doc = new Y.Doc();
    writeSpecificationTemplate(doc);
    const ids = readOutline(doc).map((entry) => entry.id);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the same ids when the document is stored and loaded again', () => {
    const doc = new Y.Doc();
    writeSpecificationTemplate(doc);
    expect(readOutline(reloaded(reloaded(doc)))).toEqual(readOutline(doc));
  });

  it('follows edits: a renamed heading keeps its id, text in bold reads as plain text', () => {
    const doc = new Y.Doc();
    writeSpecificationTemplate(doc);
    const before = readOutline(doc);
    const heading = specificationFragment(doc).get(0) as Y.XmlElement;
    const text = heading.get(0) as Y.XmlText;
    text.insert(text.length, ' (draft)', { bold: true });
    const after = readOutline(reloaded(doc));
    expect(after[0]).toEqual({ ...before[0], text: '1. Population needs (draft)' });
  });

  it('lists a heading written before sections had ids, without one', () => {
    const doc = new Y.Doc();
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('An old section')]);
    specificationFragment(doc).insert(0, [heading]);
    expect(readOutline(doc)).toEqual([{ id: null, level: 2, text: 'An old section' }]);
  });
});
