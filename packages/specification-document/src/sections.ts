import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { elementText } from './plain-text';
import { sectionIdOf } from './section-id';

/** A section of a specification's text: a top-level heading and what follows it up to the next. */
export interface TextSection {
  /** The heading's section id; null for a heading without one, and for text before the first heading. */
  id: string | null;
  /** "" for the text before the first heading. */
  heading: string;
  /** The section's paragraphs, list items and cells, one a line (the heading not included). */
  text: string;
  /**
   * The section's blocks, heading included, as XML: their kinds, attributes and formatting
   * with the words. Tells a change of formatting alone (bold, a list, a heading's level)
   * from no change; blank blocks are left out, as they are of `text`.
   */
  markup: string;
}

/** The sections of a specification as they are in `doc`, in order (the outline's headings). */
export function sectionsOf(doc: Y.Doc): TextSection[] {
  const sections: TextSection[] = [];
  let current: TextSection = { id: null, heading: '', text: '', markup: '' };
  const blocks: Block[][] = [[]];
  for (const node of specificationFragment(doc).toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === 'heading') {
      sections.push(current);
      current = {
        id: sectionIdOf(node.getAttributes()),
        heading: elementText(node),
        text: '',
        markup: '',
      };
      blocks.push([node]);
    } else if (node instanceof Y.XmlElement || node instanceof Y.XmlText) {
      blocks[blocks.length - 1]!.push(node);
    }
  }
  sections.push(current);
  sections.forEach((section, index) => {
    // Every section but the text before the first heading starts with its heading.
    const body = index === 0 ? blocks[0]! : blocks[index]!.slice(1);
    section.text = textOfBlocks(body);
    section.markup = markupOf(blocks[index]!);
  });
  // The text before the first heading counts only when there is some.
  return sections[0]!.text === '' ? sections.slice(1) : sections;
}

type Block = Y.XmlElement | Y.XmlText;

/** Blocks' text, one line per paragraph, list item or cell, blank lines left out. */
export function textOfBlocks(blocks: readonly Block[]): string {
  return blocks
    .flatMap(blockLines)
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Blocks as XML (Yjs writes attributes and formats sorted), blank ones left out. */
export function markupOf(blocks: readonly Block[]): string {
  return blocks
    .filter((block) => blockLines(block).some((line) => line.trim() !== ''))
    .map((block) => block.toString())
    .join('');
}

/** A block's text, one line per paragraph, list item or cell, so words never run together. */
export function blockLines(node: Y.XmlElement | Y.XmlText): string[] {
  if (node instanceof Y.XmlText) return [node.toDelta().map(insertText).join('')];
  const children = node.toArray();
  if (children.every((child) => child instanceof Y.XmlText)) return [elementText(node)];
  return children.flatMap((child) =>
    child instanceof Y.XmlElement || child instanceof Y.XmlText ? blockLines(child) : [],
  );
}

function insertText({ insert }: { insert: unknown }): string {
  return typeof insert === 'string' ? insert : ' ';
}
