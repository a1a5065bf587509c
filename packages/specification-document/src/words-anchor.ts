import type { Y } from '@coproduce/protocol';
import { anchorFromTextPositions, type Anchor, type TextPosition } from './anchor';
import { specificationFragment } from './fragment';
import { plainTextOf, textsIn } from './plain-text';

/**
 * Where `words` first appear in the specification's text, within one paragraph or
 * heading; null when they do not. For content written by code (the demo seed, tests).
 */
export function findWords(doc: Y.Doc, words: string): TextPosition | null {
  if (words === '') return null;
  for (const text of textsIn(specificationFragment(doc))) {
    const index = plainTextOf(text).indexOf(words);
    if (index >= 0) return { text, index };
  }
  return null;
}

/** The anchor an editor makes when the first place `words` appear is selected; null if nowhere. */
export function anchorOnWords(doc: Y.Doc, words: string): Anchor | null {
  const start = findWords(doc, words);
  return start
    ? anchorFromTextPositions(start, { text: start.text, index: start.index + words.length })
    : null;
}
