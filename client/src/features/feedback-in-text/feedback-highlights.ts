import { Extension } from '@tiptap/react';
import { Decoration } from '@tiptap/pm/view';
import { anchoredHighlights } from '../specification/anchored-highlights';
import { markerGroups, markerLabel, type FeedbackPlace } from './feedback-places';

export interface FeedbackHighlightCallbacks {
  /** Words that feedback shaped were clicked (the caret goes there too). */
  onWords: (feedbackId: string) => void;
  /** A margin marker was chosen: the first item it stands for. */
  onMarker: (feedbackId: string) => void;
}

/**
 * The words feedback shaped, in the editor: a dotted underline on the words (the selected
 * item's made solid and shaded), and a marker in the margin of each paragraph holding some,
 * named "Feedback: N items" for screen readers. Kept apart from comment highlights, with
 * its own plugin, so the two never confuse their items or selections.
 */
export function feedbackHighlights(callbacks: FeedbackHighlightCallbacks) {
  const highlights = anchoredHighlights<FeedbackPlace>({
    name: 'feedbackHighlights',
    decorations: (placed, selectedId, doc) => {
      const words = placed.map(({ item, range }) => {
        const selected = item.feedbackId === selectedId;
        return Decoration.inline(
          range.from,
          range.to,
          {
            class: `coproduce-feedback-text${selected ? ' coproduce-feedback-text--selected' : ''}`,
            'data-feedback-id': item.feedbackId,
          },
          { feedbackId: item.feedbackId },
        );
      });
      const groups = markerGroups(
        placed.map(({ item, range }) => ({
          feedbackId: item.feedbackId,
          from: range.from,
          block: doc.resolve(range.from).start(),
        })),
      );
      const markers = groups.map(({ at, feedbackIds }) => {
        const selected = selectedId !== null && feedbackIds.includes(selectedId);
        const label = markerLabel(feedbackIds.length);
        return Decoration.widget(
          at,
          () => {
            const marker = document.createElement('span');
            marker.className = `coproduce-feedback-marker${selected ? ' coproduce-feedback-marker--selected' : ''}`;
            marker.setAttribute('role', 'img');
            marker.setAttribute('aria-label', label);
            marker.title = `${label}: show in the feedback panel`;
            marker.dataset.feedbackIds = feedbackIds.join(' ');
            marker.textContent = String(feedbackIds.length);
            // A pointer press leaves the caret and focus where they were.
            marker.addEventListener('mousedown', (event) => event.preventDefault());
            marker.addEventListener('click', () => {
              const first = feedbackIds[0];
              if (first) callbacks.onMarker(first);
            });
            return marker;
          },
          {
            side: -1,
            ignoreSelection: true,
            key: `feedback-marker:${feedbackIds.join(',')}:${selected ? 'selected' : ''}`,
            // The marker handles its own presses; the editor leaves them alone.
            stopEvent: (event) => event.type.startsWith('mouse') || event.type === 'click',
          },
        );
      });
      return [...words, ...markers];
    },
  });

  const extension = Extension.create({
    name: 'feedbackHighlights',
    addProseMirrorPlugins() {
      return [
        highlights.plugin(({ id, event }) => {
          if ((event.target as Element | null)?.closest?.('.coproduce-feedback-marker')) return;
          const feedbackId = id?.slice(0, id.lastIndexOf(':'));
          if (feedbackId) callbacks.onWords(feedbackId);
        }),
      ];
    },
  });

  return { highlights, extension };
}

export type FeedbackHighlights = ReturnType<typeof feedbackHighlights>['highlights'];
