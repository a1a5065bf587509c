/**
 * A node of a specification as ProseMirror JSON (`readableSpecificationContent`), as the
 * file writers read it: the node and mark types of `specificationExtensions()`.
 */
export interface DocumentNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: DocumentNode[];
  marks?: DocumentMark[];
  text?: string;
}

export interface DocumentMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** What a writer puts at the top of the file, before the text. */
export interface ExportCover {
  title: string;
  /** e.g. "Version 2: For market engagement, published 4 December 2026", or "Draft, exported …". */
  subtitle: string;
}

/** Only links a reader can follow safely: the web and email. */
export function safeLink(mark: DocumentMark): string | null {
  const href = mark.attrs?.['href'];
  if (typeof href !== 'string') return null;
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

export function hasMark(node: DocumentNode, type: string): boolean {
  return node.marks?.some((mark) => mark.type === type) ?? false;
}

export function headingLevelOf(node: DocumentNode): number {
  const level = Number(node.attrs?.['level']);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1;
}

/** The text of a node and everything in it, hard breaks as spaces. */
export function textOf(node: DocumentNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(textOf).join('');
}
