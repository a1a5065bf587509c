import { SPECIFICATION_TEMPLATE } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { initialSpecificationUpdate, writeSpecificationTemplate } from './template';

describe('the content a new specification starts with', () => {
  it('has every template section as a heading, with guidance where nothing is written', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialSpecificationUpdate());
    const nodes = specificationFragment(doc).toArray() as Y.XmlElement[];
    const headings = nodes.filter((node) => node.nodeName === 'heading');
    expect(headings).toHaveLength(SPECIFICATION_TEMPLATE.length);
    expect(headings[1].getAttribute('level')).toBe(3);
    expect(headings[1].toString()).toContain('1.1. National and local context');
    expect(nodes[2].nodeName).toBe('paragraph');
    expect(nodes[2].getAttribute('guidance')).toMatch(/^Why this service is needed/);
  });

  it('puts written paragraphs in place of a section guidance', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(
      doc,
      initialSpecificationUpdate({
        '3.1': ['A named key worker for every child on the register.'],
      }),
    );
    const text = specificationFragment(doc).toString();
    expect(text).toContain(
      '<paragraph>A named key worker for every child on the register.</paragraph>',
    );
    expect(text).not.toContain('What the service is for, in a few sentences');
  });

  it('gives every section its own id, and says which id each template number got', () => {
    const doc = new Y.Doc();
    const ids = writeSpecificationTemplate(doc);
    const headings = (specificationFragment(doc).toArray() as Y.XmlElement[]).filter(
      (node) => node.nodeName === 'heading',
    );
    const written = headings.map((heading) => heading.getAttribute('id'));
    expect(new Set(written).size).toBe(SPECIFICATION_TEMPLATE.length);
    expect(written.every((id) => /^[\w-]{12}$/.test(id ?? ''))).toBe(true);
    expect([...ids.keys()]).toEqual(SPECIFICATION_TEMPLATE.map((section) => section.number));
    expect([...ids.values()]).toEqual(written);
  });

  it('gives another specification other ids', () => {
    const first = writeSpecificationTemplate(new Y.Doc());
    const second = writeSpecificationTemplate(new Y.Doc());
    expect([...first.values()].filter((id) => [...second.values()].includes(id))).toEqual([]);
  });
});
