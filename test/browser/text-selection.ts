// Selecting words of the specification's text as a person dragging over them would.
import type { Locator } from 'playwright-core';

/** Selects the first `words` words of `paragraph` and returns the text selected. */
export async function selectFirstWords(paragraph: Locator, words: number): Promise<string> {
  await paragraph.click();
  return paragraph.evaluate((element, count) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode() as Text;
    const match = new RegExp(`^\\s*(?:\\S+\\s+){${count - 1}}\\S+`).exec(text.data);
    const end = match ? match[0].length : text.data.length;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, end);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return text.data.slice(0, end);
  }, words);
}
