import { SPECIFICATION_TEMPLATE } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import { EDITOR_FRAGMENT, initialSpecificationUpdate } from './specification-template-content';

describe('the content a new specification starts with', () => {
  it('has every template section as a heading, with guidance where nothing is written', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialSpecificationUpdate());
    const nodes = doc.getXmlFragment(EDITOR_FRAGMENT).toArray() as Y.XmlElement[];
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
    const text = doc.getXmlFragment(EDITOR_FRAGMENT).toString();
    expect(text).toContain(
      '<paragraph>A named key worker for every child on the register.</paragraph>',
    );
    expect(text).not.toContain('What the service is for, in a few sentences');
  });
});
