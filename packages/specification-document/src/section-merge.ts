import { Y } from '@coproduce/protocol';
import { diffChars } from 'diff';
import { specificationFragment } from './fragment';
import { plainTextOf } from './plain-text';
import { sectionBlocksOf } from './section-blocks';

type Child = Y.XmlElement | Y.XmlText;
type Parent = Y.XmlElement | Y.XmlFragment;

/**
 * Takes one section's change from a fork (an engagement copy) into the document it was
 * forked from, as a new edit made now: what the copy's writers added is written into the
 * draft where it stands in the copy, what they deleted is deleted, and everything written
 * in the draft since the fork stays (the copy and the draft share every Yjs item made
 * before the fork, so each block, and each character, is found in the draft by its id).
 * Within a paragraph the change is a character diff from the fork's words to the copy's,
 * applied at the draft's places for those words. Run it inside one transaction on `draft`.
 * Returns false when the section did not change.
 */
export function takeSectionChange(fork: Y.Doc, copy: Y.Doc, draft: Y.Doc, key: string): boolean {
  const before = sectionBlocksOf(fork).find((section) => section.key === key)?.blocks ?? [];
  const after = sectionBlocksOf(copy).find((section) => section.key === key)?.blocks ?? [];
  if (before.length === 0 && after.length === 0) return false;
  // Where the section's new blocks go when none of its blocks is in the draft: after the
  // last block before it in the copy that the draft still has.
  const copyChildren = specificationFragment(copy).toArray() as Child[];
  const firstIndex = after.length > 0 ? copyChildren.indexOf(after[0]!) : 0;
  let previous: Child | null = null;
  for (let index = firstIndex - 1; index >= 0 && !previous; index--) {
    previous = counterpart(draft, copyChildren[index]!);
  }
  const docs = { fork, copy, draft };
  return mergeChildren(docs, before, after, specificationFragment(draft), previous);
}

interface Forks {
  fork: Y.Doc;
  copy: Y.Doc;
  draft: Y.Doc;
}

/**
 * Makes `parent`'s children in the draft follow the change from `before` (in the fork)
 * to `after` (in the copy). A child is found in each document by its id, so a block that
 * only moved to another section (a heading written above it) is neither deleted nor
 * written twice. `previous` is the draft child after which a new first child goes.
 */
function mergeChildren(
  docs: Forks,
  before: readonly Child[],
  after: readonly Child[],
  parent: Parent,
  previous: Child | null,
): boolean {
  let changed = false;
  for (const gone of before) {
    if (counterpart(docs.copy, gone)) continue;
    const inDraft = counterpart(docs.draft, gone);
    if (inDraft && inDraft.parent === parent) {
      parent.delete(indexIn(parent, inDraft), 1);
      changed = true;
    }
  }
  let last = previous;
  for (const child of after) {
    const forked = counterpart(docs.fork, child);
    const inDraft = forked ? counterpart(docs.draft, child) : null;
    if (forked && inDraft && inDraft.parent === parent) {
      changed = mergeContent(docs, forked, child, inDraft) || changed;
      last = inDraft;
      continue;
    }
    // Deleted from the draft since the fork and not changed in the copy: stays deleted.
    if (forked && sameContent(forked, child)) continue;
    // New in the copy, or changed there but deleted from the draft since: the copy's wording.
    const at = last && last.parent === parent ? indexIn(parent, last) + 1 : 0;
    const added = child.clone();
    parent.insert(at, [added]);
    last = added;
    changed = true;
  }
  return changed;
}

/** Brings the change from `forked` to `copied` (one node in fork and copy) into `drafted`. */
function mergeContent(docs: Forks, forked: Child, copied: Child, drafted: Child): boolean {
  if (forked instanceof Y.XmlText && copied instanceof Y.XmlText && drafted instanceof Y.XmlText) {
    return mergeText(forked, copied, drafted, docs.draft);
  }
  if (
    !(forked instanceof Y.XmlElement) ||
    !(copied instanceof Y.XmlElement) ||
    !(drafted instanceof Y.XmlElement)
  ) {
    return false;
  }
  let changed = false;
  const from = forked.getAttributes();
  const to = copied.getAttributes();
  for (const name of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (from[name] === to[name]) continue;
    if (to[name] === undefined) drafted.removeAttribute(name);
    else drafted.setAttribute(name, to[name] as string);
    changed = true;
  }
  const children = (element: Y.XmlElement) => element.toArray() as Child[];
  return mergeChildren(docs, children(forked), children(copied), drafted, null) || changed;
}

interface TextEdit {
  at: number;
  /** Characters to delete from `at`, or text to insert there. */
  remove?: number;
  insert?: { text: string; attributes: Record<string, unknown> }[];
}

/**
 * The copy's character changes, from the fork's words to the copy's, made in the draft's
 * paragraph: each deletion removes the same characters there (unless already gone), each
 * insertion goes before the draft's place of the fork's next character.
 */
function mergeText(
  forked: Y.XmlText,
  copied: Y.XmlText,
  drafted: Y.XmlText,
  draft: Y.Doc,
): boolean {
  const from = plainTextOf(forked);
  const to = plainTextOf(copied);
  const edits: TextEdit[] = [];
  const restyling = new Restyling(forked, copied, drafted, draft);
  let fromAt = 0;
  let toAt = 0;
  const parts = from === to ? [{ value: from, added: false, removed: false }] : diffChars(from, to);
  for (const part of parts) {
    const length = part.value.length;
    if (part.added) {
      edits.push({
        at: placeInDraft(forked, fromAt, drafted, draft),
        insert: slice(copied, toAt, length),
      });
      toAt += length;
    } else if (part.removed) {
      for (const range of rangesInDraft(forked, fromAt, length, drafted, draft)) edits.push(range);
      fromAt += length;
    } else {
      restyling.compare(fromAt, toAt, length);
      fromAt += length;
      toAt += length;
    }
  }
  // Formatting moves no index: done first, at the places found before any edit.
  const restyled = restyling.apply();
  // From the end, deletions before insertions at one place, so earlier places hold.
  edits.sort((a, b) => b.at - a.at || (a.remove ? -1 : 0) - (b.remove ? -1 : 0));
  for (const edit of edits) {
    if (edit.remove) drafted.delete(edit.at, edit.remove);
    let at = edit.at;
    for (const run of edit.insert ?? []) {
      drafted.insert(at, run.text, run.attributes);
      at += run.text.length;
    }
  }
  return edits.length > 0 || restyled;
}

type Attributes = Record<string, unknown>;

/**
 * The copy's formatting changes to words the fork and the copy share (bold added, a link
 * taken off), made to the same characters in the draft unless the draft has deleted them.
 * Only what the copy changed is touched: the draft's own formatting since the fork stays.
 */
class Restyling {
  private readonly forkedAttributes: Attributes[];
  private readonly copiedAttributes: Attributes[];
  private readonly formats: { at: number; length: number; attributes: Attributes; key: string }[] =
    [];

  constructor(
    private readonly forked: Y.XmlText,
    copied: Y.XmlText,
    private readonly drafted: Y.XmlText,
    private readonly draft: Y.Doc,
  ) {
    this.forkedAttributes = attributesByCharacter(forked);
    this.copiedAttributes = attributesByCharacter(copied);
  }

  /** Notes the formatting changes over `length` characters the fork and the copy share. */
  compare(fromAt: number, toAt: number, length: number): void {
    for (let offset = 0; offset < length; offset++) {
      const before = this.forkedAttributes[fromAt + offset] ?? {};
      const after = this.copiedAttributes[toAt + offset] ?? {};
      const change = attributeChange(before, after);
      if (!change || isGone(this.forked, fromAt + offset, this.draft)) continue;
      const at = placeInDraft(this.forked, fromAt + offset, this.drafted, this.draft);
      const key = JSON.stringify(change);
      const last = this.formats[this.formats.length - 1];
      if (last && last.key === key && last.at + last.length === at) last.length += 1;
      else this.formats.push({ at, length: 1, attributes: change, key });
    }
  }

  apply(): boolean {
    for (const { at, length, attributes } of this.formats)
      this.drafted.format(at, length, attributes);
    return this.formats.length > 0;
  }
}

/** Each character's formatting, index for index with plainTextOf. */
function attributesByCharacter(text: Y.XmlText): Attributes[] {
  const byCharacter: Attributes[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Attributes }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    for (let index = 0; index < length; index++) byCharacter.push(op.attributes ?? {});
  }
  return byCharacter;
}

/** What turns `before` into `after` (null removes a format), or null when they are alike. */
function attributeChange(before: Attributes, after: Attributes): Attributes | null {
  const change: Attributes = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[name]) === JSON.stringify(after[name])) continue;
    change[name] = name in after ? after[name] : null;
  }
  return Object.keys(change).length > 0 ? change : null;
}

/** The draft's index for the fork's character `index` (its end when `index` is past the last). */
function placeInDraft(forked: Y.XmlText, index: number, drafted: Y.XmlText, draft: Y.Doc): number {
  if (forked.length === 0) return drafted.length;
  const atEnd = index >= forked.length;
  const position = Y.createRelativePositionFromTypeIndex(
    forked,
    atEnd ? forked.length - 1 : index,
    0,
  );
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, draft);
  if (!absolute || absolute.type !== drafted) return drafted.length;
  if (!atEnd) return absolute.index;
  // After the fork's last character, or where it stood if the draft has deleted it.
  return absolute.index + (isGone(forked, forked.length - 1, draft) ? 0 : 1);
}

/** Where the fork's characters [index, index + length) still stand in the draft, as ranges. */
function rangesInDraft(
  forked: Y.XmlText,
  index: number,
  length: number,
  drafted: Y.XmlText,
  draft: Y.Doc,
): TextEdit[] {
  const ranges: TextEdit[] = [];
  for (let at = index; at < index + length; at++) {
    if (isGone(forked, at, draft)) continue;
    const place = placeInDraft(forked, at, drafted, draft);
    const last = ranges[ranges.length - 1];
    if (last && last.at + last.remove! === place) last.remove! += 1;
    else ranges.push({ at: place, remove: 1 });
  }
  return ranges;
}

/** Whether the fork's character at `index` has been deleted in the draft since. */
function isGone(forked: Y.XmlText, index: number, draft: Y.Doc): boolean {
  const position = Y.createRelativePositionFromTypeIndex(forked, index, 0);
  const id = position.item;
  if (!id) return true;
  if (id.clock >= Y.getState(draft.store, id.client)) return true;
  return Y.getItem(draft.store, id).deleted;
}

/** The copy's text [index, index + length) with its formatting, run by run. */
function slice(
  text: Y.XmlText,
  index: number,
  length: number,
): { text: string; attributes: Record<string, unknown> }[] {
  const runs: { text: string; attributes: Record<string, unknown> }[] = [];
  let at = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const value = typeof op.insert === 'string' ? op.insert : '\uFFFC';
    const start = Math.max(index, at);
    const end = Math.min(index + length, at + value.length);
    if (start < end && typeof op.insert === 'string') {
      runs.push({ text: value.slice(start - at, end - at), attributes: op.attributes ?? {} });
    }
    at += value.length;
  }
  return runs;
}

/** The draft's node with the same Yjs id as `node` (a fork's or a copy's), if it has one. */
function counterpart(draft: Y.Doc, node: Child): Child | null {
  const item = node._item;
  if (!item) return null;
  const { client, clock } = item.id;
  if (clock >= Y.getState(draft.store, client)) return null;
  const found = Y.getItem(draft.store, item.id);
  if (!(found instanceof Y.Item) || found.deleted || found.id.clock !== clock) return null;
  const content = found.content;
  return content instanceof Y.ContentType ? (content.type as Child) : null;
}

function indexIn(parent: Parent, child: Child): number {
  return parent.toArray().indexOf(child);
}

function sameContent(a: Child, b: Child): boolean {
  return a.toString() === b.toString();
}
