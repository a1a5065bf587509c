import { SPECIFICATION_TEMPLATE } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import {
  specificationFragment,
  writeSpecificationTemplate,
} from '@coproduce/specification-document';
import { DEMO_SPECIFICATION_TEXT, writeDemoSpecification } from './demo-specification-content';

interface Block {
  node: string;
  text: string;
  attributes: Record<string, unknown>;
}

function blocksOf(write: (doc: Y.Doc) => void): Block[] {
  const doc = new Y.Doc();
  write(doc);
  // A round trip through the encoded state, as the store and every client see it.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return specificationFragment(copy)
    .toArray()
    .map((node) => {
      const element = node as Y.XmlElement;
      return {
        node: element.nodeName,
        text: element.toArray().map(String).join(''),
        attributes: element.getAttributes(),
      };
    });
}

describe('the demo specification, partly written', () => {
  const demo = blocksOf(writeDemoSpecification);
  const template = blocksOf(writeSpecificationTemplate);

  it('keeps every heading of the template, in order and at the same levels', () => {
    // Each specification's sections get ids of their own, so headings compare without them.
    const headings = (blocks: Block[]) =>
      blocks
        .filter((block) => block.node === 'heading')
        .map(({ attributes: { id, ...attributes }, ...heading }) => {
          expect(id).toEqual(expect.any(String));
          return { ...heading, attributes };
        });
    expect(headings(demo)).toEqual(headings(template));
    expect(headings(demo)).toHaveLength(SPECIFICATION_TEMPLATE.length);
  });

  it.each(Object.entries(DEMO_SPECIFICATION_TEXT))(
    'section %s has its paragraphs, in place of the guidance',
    (number, paragraphs) => {
      const section = SPECIFICATION_TEMPLATE.find((s) => s.number === number)!;
      const at = demo.findIndex((block) => block.text === `${number}. ${section.heading}`);
      expect(at).toBeGreaterThanOrEqual(0);
      const written = demo.slice(at + 1, at + 1 + paragraphs.length);
      expect(written).toEqual(
        paragraphs.map((text) => ({ node: 'paragraph', text, attributes: {} })),
      );
      const next = demo[at + 1 + paragraphs.length];
      expect(next?.node).toBe('heading');
    },
  );

  it('leaves the sections nobody has written yet as guidance placeholders', () => {
    const untouched = SPECIFICATION_TEMPLATE.filter(
      (section) => section.guidance && !DEMO_SPECIFICATION_TEXT[section.number],
    );
    expect(untouched.length).toBeGreaterThan(5);
    for (const section of untouched) {
      const at = demo.findIndex((block) => block.text === `${section.number}. ${section.heading}`);
      expect(demo[at + 1]).toEqual({
        node: 'paragraph',
        text: '',
        attributes: { guidance: section.guidance },
      });
    }
  });

  it('covers the sections the demo promises', () => {
    expect(Object.keys(DEMO_SPECIFICATION_TEXT).sort()).toEqual([
      '1.1',
      '1.2',
      '2.2',
      '3.1',
      '3.3',
    ]);
    const text = demo.map((block) => block.text).join('\n');
    for (const phrase of [
      'drop-in sessions',
      'more than 100 interviews',
      'Three market engagement events',
      'aged 0 to 25',
      'learning disability and/or autism',
      'red or amber on the dynamic support register',
      'inpatients',
      'five years',
    ]) {
      expect(text).toContain(phrase);
    }
  });
});
