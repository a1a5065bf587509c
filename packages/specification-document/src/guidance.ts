import { Extension } from '@tiptap/core';

/**
 * Paragraphs written from the NHS template carry the section's guidance (set by the
 * template writer in the `guidance` attribute); the editor shows it as placeholder text
 * until someone writes there. It is never rendered into the document's HTML.
 */
export const GuidanceAttribute = Extension.create({
  name: 'guidanceAttribute',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph'],
        attributes: { guidance: { default: null, rendered: false, keepOnSplit: false } },
      },
    ];
  },
});

export function guidanceOf(attributes: Record<string, unknown>): string {
  return typeof attributes['guidance'] === 'string' ? attributes['guidance'] : '';
}
