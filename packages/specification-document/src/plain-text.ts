import { Y } from '@coproduce/protocol';

/**
 * The characters of a Y.XmlText without its formatting, index for index: formatting
 * takes no place in a Y.XmlText's indices, and an embed (which y-prosemirror never
 * writes) counts as one character, here the object replacement character.
 */
export function plainTextOf(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map(({ insert }) => (typeof insert === 'string' ? insert : '\uFFFC'))
    .join('');
}

/** The text of an element and everything in it, as a reader sees it on one line. */
export function elementText(element: Y.XmlElement | Y.XmlFragment): string {
  return element
    .toArray()
    .map((child) => {
      if (child instanceof Y.XmlText) return plainTextOf(child);
      return child instanceof Y.XmlElement ? elementText(child) : '';
    })
    .join('');
}

/** Every Y.XmlText under `parent`, in reading order. */
export function textsIn(parent: Y.XmlElement | Y.XmlFragment): Y.XmlText[] {
  return parent.toArray().flatMap((child) => {
    if (child instanceof Y.XmlText) return [child];
    return child instanceof Y.XmlElement ? textsIn(child) : [];
  });
}
