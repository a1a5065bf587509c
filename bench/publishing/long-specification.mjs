// A long specification for benchmarks: about one A4 page of text per `page(n)`, written
// into a specification's fragment through Yjs, as an editor would leave it. Shared by the
// publishing benchmark and the market engagement rounds benchmark.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Y } = require('@coproduce/protocol');
const { specificationFragment } = require('@coproduce/specification-document');

export const SENTENCE =
  'Every child and young person on the dynamic support register has a named key worker who ' +
  'knows them, coordinates their care across health, education and social care, and stays ' +
  'with them through a crisis and afterwards — listening to them, their parents and carers. ';

function element(name, children, attributes = {}) {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.insert(0, children);
  return node;
}

function text(words, marks = {}) {
  const node = new Y.XmlText();
  node.insert(0, words, marks);
  return node;
}

/**
 * One A4 page or so (about 550 words): a heading, four paragraphs with some bold, and a
 * list of four points.
 */
export function page(number) {
  const paragraph = () => {
    const node = element('paragraph', []);
    const body = new Y.XmlText();
    body.insert(0, SENTENCE.repeat(4));
    body.insert(0, `Requirement ${number}. `, { bold: {} });
    node.insert(0, [body]);
    return node;
  };
  return [
    element('heading', [text(`${number}. Part ${number} of the service`)], { level: 3 }),
    paragraph(),
    paragraph(),
    element(
      'bulletList',
      [1, 2, 3, 4].map((point) =>
        element('listItem', [element('paragraph', [text(`Point ${point}: ${SENTENCE}`)])]),
      ),
    ),
    paragraph(),
    paragraph(),
  ];
}

/** Appends `pages` pages to the end of `doc`'s specification text, in one transaction. */
export function writePages(doc, pages) {
  doc.transact(() => {
    const fragment = specificationFragment(doc);
    fragment.insert(fragment.length, Array.from({ length: pages }, (_, i) => page(i + 1)).flat());
  });
}
