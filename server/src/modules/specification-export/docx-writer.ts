import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type ILevelsOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import {
  hasMark,
  headingLevelOf,
  safeLink,
  type DocumentNode,
  type ExportCover,
} from './document-node';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const LIST_LEVELS = 9;
const INDENT_PER_LEVEL = 720; // twentieths of a point: half an inch
const BULLETS = ['•', '◦', '▪'];
const NUMBER_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
const MONOSPACE = 'Consolas';

function listLevels(kind: 'bullet' | 'number'): ILevelsOptions[] {
  return Array.from({ length: LIST_LEVELS }, (_, level) => ({
    level,
    format: kind === 'bullet' ? LevelFormat.BULLET : NUMBER_FORMATS[level % 3]!,
    text: kind === 'bullet' ? BULLETS[level % 3]! : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: { indent: { left: INDENT_PER_LEVEL * (level + 1), hanging: 360 } },
    },
  }));
}

/** Where a block sits: inside which lists (and which numbered list, for restarting at 1). */
interface Placement {
  listLevel: number;
  list?: { reference: 'bullets' | 'numbers'; instance: number };
  quoted: boolean;
}

/**
 * A specification as a Word document: Word's own heading styles (so its navigation pane
 * and a table of contents work), lists Word numbers itself, marks as character formatting,
 * page numbers in the footer and the title in the document's properties.
 */
export function writeDocx(content: DocumentNode, cover: ExportCover): Promise<Buffer> {
  let numberedLists = 0;
  const blocks = (nodes: DocumentNode[] | undefined, at: Placement): Paragraph[] =>
    (nodes ?? []).flatMap((node) => block(node, at));

  const block = (node: DocumentNode, at: Placement): Paragraph[] => {
    switch (node.type) {
      case 'heading':
        return [
          new Paragraph({
            heading: HEADINGS[headingLevelOf(node) - 1],
            // Word moves a heading over to the next page with its text, never leaving it alone.
            keepNext: true,
            children: inline(node.content),
          }),
        ];
      case 'paragraph':
        return [paragraph(inline(node.content), at)];
      case 'bulletList':
      case 'orderedList': {
        const list =
          node.type === 'bulletList'
            ? { reference: 'bullets' as const, instance: 0 }
            : { reference: 'numbers' as const, instance: ++numberedLists };
        const listLevel = at.list ? at.listLevel + 1 : 0;
        return (node.content ?? []).flatMap((item) =>
          listItem(item, { ...at, list, listLevel: Math.min(listLevel, LIST_LEVELS - 1) }),
        );
      }
      case 'blockquote':
        return blocks(node.content, { ...at, quoted: true });
      case 'codeBlock':
        return (node.content?.map((text) => text.text ?? '').join('') ?? '')
          .split('\n')
          .map((line) => paragraph([new TextRun({ text: line, font: MONOSPACE })], at));
      case 'horizontalRule':
        return [
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } },
            children: [],
          }),
        ];
      default:
        return blocks(node.content, at);
    }
  };

  /** The first paragraph of an item carries its bullet or number; the rest line up under it. */
  const listItem = (item: DocumentNode, at: Placement): Paragraph[] => {
    const [first, ...rest] = item.content ?? [];
    const numbered: Paragraph[] =
      first?.type === 'paragraph'
        ? [
            new Paragraph({
              children: inline(first.content),
              numbering: {
                reference: at.list!.reference,
                level: at.listLevel,
                instance: at.list!.instance,
              },
              ...quoteFormatting(at),
            }),
          ]
        : [];
    const following = first?.type === 'paragraph' ? rest : (item.content ?? []);
    return [...numbered, ...following.flatMap((node) => block(node, at))];
  };

  const paragraph = (children: ParagraphChild[], at: Placement): Paragraph => {
    const options: IParagraphOptions = { children, ...quoteFormatting(at) };
    if (!at.list) return new Paragraph(options);
    return new Paragraph({
      ...options,
      indent: { left: INDENT_PER_LEVEL * (at.listLevel + 1) },
    });
  };

  const document = new Document({
    creator: 'Coproduce',
    title: cover.title,
    description: cover.subtitle,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 24 }, paragraph: { spacing: { after: 160 } } },
      },
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: listLevels('bullet') },
        { reference: 'numbers', levels: listLevels('number') },
      ],
    },
    sections: [
      {
        // Every page after the first says what it is part of: which specification, which version.
        properties: { titlePage: true },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                children: [
                  new TextRun({
                    text: `${cover.title} · ${cover.subtitle}`,
                    size: 18,
                    color: '4C6272',
                  }),
                ],
              }),
            ],
          }),
        },
        footers: { first: pageNumbers(), default: pageNumbers() },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(cover.title)] }),
          new Paragraph({ children: [new TextRun({ text: cover.subtitle, italics: true })] }),
          ...blocks(content.content, { listLevel: 0, quoted: false }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** "Page 3 of 40", centred at the foot of a page. */
function pageNumbers(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

function quoteFormatting(at: Placement): Partial<IParagraphOptions> {
  if (!at.quoted) return {};
  return {
    indent: { left: INDENT_PER_LEVEL },
    border: { left: { style: BorderStyle.SINGLE, size: 12, color: '768692', space: 8 } },
  };
}

/** Text with its marks; links become hyperlinks Word opens. */
function inline(nodes: DocumentNode[] | undefined): ParagraphChild[] {
  return (nodes ?? []).flatMap((node): ParagraphChild[] => {
    if (node.type === 'hardBreak') return [new TextRun({ text: '', break: 1 })];
    if (node.type !== 'text' || !node.text) return [];
    const link = node.marks?.find((mark) => mark.type === 'link');
    const run = new TextRun({
      text: node.text,
      bold: hasMark(node, 'bold'),
      italics: hasMark(node, 'italic'),
      strike: hasMark(node, 'strike'),
      underline: hasMark(node, 'underline') ? {} : undefined,
      font: hasMark(node, 'code') ? MONOSPACE : undefined,
      style: link ? 'Hyperlink' : undefined,
    });
    const href = link ? safeLink(link) : null;
    return [href ? new ExternalHyperlink({ link: href, children: [run] }) : run];
  });
}
