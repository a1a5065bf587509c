import { SPECIFICATION_TEMPLATE } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { readOutline } from './outline';
import { renderSpecificationHtml, renderSpecificationMarkdown } from './render';
import { writeSpecificationTemplate } from './template';

type Inline = string | [string, Record<string, unknown>];

/** A block as y-prosemirror stores it: text runs, each with its marks. */
function block(name: string, attributes: Record<string, unknown>, ...runs: Inline[]) {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, value as string);
  }
  if (runs.length) {
    const text = new Y.XmlText();
    let length = 0;
    for (const run of runs) {
      const [words, marks] = typeof run === 'string' ? [run, {}] : run;
      // Explicit nulls, or a run would take on the marks of the run before it.
      text.insert(length, words, { bold: null, italic: null, code: null, ...marks });
      length += words.length;
    }
    element.insert(0, [text]);
  }
  return element;
}

/** A paragraph of several lines, split by hard breaks (Shift+Enter). */
function lines(...texts: string[]) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(
    0,
    texts.flatMap((text, i) => [
      ...(i > 0 ? [new Y.XmlElement('hardBreak')] : []),
      new Y.XmlText(text),
    ]),
  );
  return paragraph;
}

function list(name: string, ...items: Y.XmlElement[][]) {
  const element = new Y.XmlElement(name);
  element.insert(
    0,
    items.map((children) => {
      const item = new Y.XmlElement('listItem');
      item.insert(0, children);
      return item;
    }),
  );
  return element;
}

function docOf(...blocks: Y.XmlElement[]): Y.Doc {
  const doc = new Y.Doc();
  specificationFragment(doc).insert(0, blocks);
  return doc;
}

const formatted = () =>
  docOf(
    block('heading', { level: 2, id: 'scope-1' }, 'Scope ', ['now', { italic: true }]),
    block(
      'paragraph',
      {},
      'Families get ',
      ['one', { bold: true }],
      ' named ',
      ['person', { italic: true }],
      '.',
    ),
    list(
      'bulletList',
      [block('paragraph', {}, 'coordination')],
      [
        block('paragraph', {}, 'advocacy'),
        list('orderedList', [block('paragraph', {}, 'first')], [block('paragraph', {}, 'second')]),
      ],
    ),
    block('heading', { level: 3, id: 'scope-2' }, 'Exclusions'),
  );

describe('rendering a specification as HTML', () => {
  it('renders the template with each heading carrying its section id, and no guidance', () => {
    const doc = new Y.Doc();
    writeSpecificationTemplate(doc);
    const html = renderSpecificationHtml(doc);
    for (const [index, entry] of readOutline(doc).entries()) {
      const section = SPECIFICATION_TEMPLATE[index]!;
      const tag = `h${section.level + 1}`;
      expect(html).toContain(
        `<${tag} id="${entry.id}">${section.number}. ${section.heading}</${tag}>`,
      );
    }
    expect(html).not.toContain('<p');
    expect(html).not.toContain('Why this service is needed');
  });

  it('keeps what has been written under a section, and the guidance of the others out', () => {
    const doc = new Y.Doc();
    writeSpecificationTemplate(doc, { '3.1': ['A key worker for every child.'] });
    const html = renderSpecificationHtml(doc);
    expect(html).toMatch(
      /3\.1\. Aims and objectives of the service<\/h3><p>A key worker for every child\.<\/p><h3/,
    );
    expect(html.match(/<p>/g)).toHaveLength(1);
  });

  it('renders bold, italic, lists and headings', () => {
    expect(renderSpecificationHtml(formatted())).toBe(
      '<h2 id="scope-1">Scope <em>now</em></h2>' +
        '<p>Families get <strong>one</strong> named <em>person</em>.</p>' +
        '<ul><li><p>coordination</p></li><li><p>advocacy</p>' +
        '<ol><li><p>first</p></li><li><p>second</p></li></ol></li></ul>' +
        '<h3 id="scope-2">Exclusions</h3>',
    );
  });

  it('escapes text and attributes, so nothing written runs as markup', () => {
    const doc = docOf(
      block('heading', { level: 2, id: '"><script>alert(1)</script>' }, '<b>Scope</b>'),
      block('paragraph', {}, '<script>alert("x")</script> & <img src=x onerror=alert(1)>'),
    );
    const html = renderSpecificationHtml(doc);
    expect(html).toBe(
      '<h2 id="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&lt;b&gt;Scope&lt;/b&gt;</h2>' +
        '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('reads the document without changing it, even where the schema refuses an element', () => {
    const doc = docOf(block('paragraph', {}, 'Kept'), block('marquee', {}, 'Unknown'));
    const before = Y.encodeStateAsUpdate(doc);
    expect(renderSpecificationHtml(doc)).toBe('<p>Kept</p>');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('rendering a specification as Markdown', () => {
  it('renders the template as headings, without guidance', () => {
    const doc = new Y.Doc();
    writeSpecificationTemplate(doc, { '1.1': ['Why it matters.'] });
    const markdown = renderSpecificationMarkdown(doc);
    expect(
      markdown.startsWith(
        '## 1. Population needs\n\n### 1.1. National and local context\n\nWhy it matters.\n\n### 1.2. Evidence base\n',
      ),
    ).toBe(true);
    expect(markdown).not.toContain('Why this service is needed');
    expect(markdown.match(/^#+ /gm)).toHaveLength(SPECIFICATION_TEMPLATE.length);
  });

  it('renders bold, italic, nested lists and headings', () => {
    expect(renderSpecificationMarkdown(formatted())).toBe(
      [
        '## Scope _now_',
        '',
        'Families get **one** named _person_.',
        '',
        '- coordination',
        '- advocacy',
        '',
        '  1. first',
        '  2. second',
        '',
        '### Exclusions',
        '',
      ].join('\n'),
    );
  });

  it('escapes text, so that it reads as written rather than as Markdown or HTML', () => {
    const doc = docOf(
      block('paragraph', {}, '<script>alert(1)</script> *not bold* [link](x) & _x_'),
      block('paragraph', {}, '1. not a list'),
      block('paragraph', {}, '# not a heading'),
      block('paragraph', {}, ['`code` <stays>', { code: true }]),
      lines('Two lines,', '- the second not a list'),
    );
    expect(renderSpecificationMarkdown(doc)).toBe(
      [
        '\\<script\\>alert(1)\\</script\\> \\*not bold\\* \\[link\\](x) \\& \\_x\\_',
        '',
        '1\\. not a list',
        '',
        '\\# not a heading',
        '',
        '``code` <stays>`',
        '',
        'Two lines,\\',
        '\\- the second not a list',
        '',
      ].join('\n'),
    );
  });
});
