import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { nameSections } from './name-sections';
import { readOutline } from './outline';
import { writeSpecificationTemplate } from './template';

function heading(text: string, id?: string): Y.XmlElement {
  const element = new Y.XmlElement('heading');
  element.setAttribute('level', 3 as unknown as string);
  if (id) element.setAttribute('id', id);
  if (text) element.insert(0, [new Y.XmlText(text)]);
  return element;
}

describe('naming the sections of a stored document', () => {
  it('names headings written before sections had ids, once', () => {
    const doc = new Y.Doc();
    specificationFragment(doc).insert(0, [heading('Scope'), heading('Outcomes')]);
    expect(nameSections(doc)).toBe(2);
    const named = readOutline(doc);
    expect(named.every((entry) => /^[\w-]{12}$/.test(entry.id ?? ''))).toBe(true);
    expect(named[0]!.id).not.toBe(named[1]!.id);
    expect(nameSections(doc)).toBe(0);
    expect(readOutline(doc)).toEqual(named);
  });

  it('leaves a template’s sections as they are', () => {
    const doc = new Y.Doc();
    writeSpecificationTemplate(doc);
    const before = Y.encodeStateVector(doc);
    expect(nameSections(doc)).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('gives a repeated id to one heading only, the first with words', () => {
    const doc = new Y.Doc();
    const quote = new Y.XmlElement('blockquote');
    quote.insert(0, [heading('Quoted', 'scope')]);
    specificationFragment(doc).insert(0, [heading('', 'scope'), heading('Scope', 'scope'), quote]);
    expect(nameSections(doc)).toBe(2);
    const outline = readOutline(doc);
    expect(outline[1]).toEqual({ id: 'scope', level: 3, text: 'Scope' });
    expect(outline[0]!.id).not.toBe('scope');
    const quoted = (specificationFragment(doc).get(2) as Y.XmlElement).get(0) as Y.XmlElement;
    expect(quoted.getAttribute('id')).not.toBe('scope');
  });

  it('names them for every copy: the ids travel in the update', () => {
    const doc = new Y.Doc();
    specificationFragment(doc).insert(0, [heading('Scope')]);
    nameSections(doc);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readOutline(copy)).toEqual(readOutline(doc));
  });
});
