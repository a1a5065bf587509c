import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Editor } from '@tiptap/react';
import { MAX_QUOTE_LENGTH, type Action, type Anchor } from '@coproduce/domain';
import { anchorFromSelection } from '@coproduce/specification-document';
import { feedbackHighlights } from './feedback-highlights';
import { feedbackPlaces } from './feedback-places';
import { goToWords } from './go-to-words';
import { useFeedbackBehindText } from './feedback-queries';
import './feedback-in-text.css';

interface Options {
  workspaceId: string;
  specificationId: string;
  /** The person's allowed actions in the workspace (empty while it loads). */
  permissions: readonly Action[];
}

/** Words selected to link feedback to. */
export interface LinkDraft {
  anchor: Anchor;
  quote: string;
}

export type FeedbackInText = ReturnType<typeof useFeedbackInText>;

const PARAM = 'feedback';

/**
 * Everything the specification page needs for the feedback behind its text: the items
 * linked to it, the editor extension that marks their words, the panel (open, or not),
 * the item selected (kept in the address as `?feedback=`, so the feedback list can link
 * to it), and words being linked to an item.
 */
export function useFeedbackInText({ workspaceId, specificationId, permissions }: Options) {
  const mayRead = permissions.includes('feedback.read');
  const mayLink = permissions.includes('feedback.manage');
  const feedback = useFeedbackBehindText(workspaceId, specificationId, mayRead);
  const [params, setParams] = useSearchParams();
  const selectedId = mayRead ? params.get(PARAM) : null;
  // Opened by an address that names an item, as the feedback list's links do.
  const [panelShown, setPanelShown] = useState(() => params.has(PARAM));
  const [draft, setDraft] = useState<LinkDraft | null>(null);
  const [selectionNeeded, setSelectionNeeded] = useState(false);
  const showPanel = useCallback(() => setPanelShown(true), []);
  const hidePanel = useCallback(() => {
    setPanelShown(false);
    setDraft(null);
  }, []);

  /** The item whose words the editor should select and scroll to once they are placed. */
  const goTo = useRef<string | null>(params.get(PARAM));
  const editor = useRef<Editor | null>(null);

  const select = useCallback(
    (feedbackId: string | null, { goToText = false }: { goToText?: boolean } = {}) => {
      goTo.current = goToText ? feedbackId : null;
      // From the address as it is now: a click in the text may have just selected a
      // comment thread there too, since this render.
      setParams(
        () => {
          const next = new URLSearchParams(window.location.search);
          if (feedbackId) next.set(PARAM, feedbackId);
          else next.delete(PARAM);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  /** Opens the form to link feedback to the words selected; false when none are. */
  const startLink = useCallback((): boolean => {
    const current = editor.current;
    if (!current || !mayLink) return false;
    const anchor = anchorFromSelection(current.state);
    setSelectionNeeded(anchor === null);
    if (!anchor) return false;
    const { from, to } = current.state.selection;
    const quote = current.state.doc.textBetween(from, to, '\n').slice(0, MAX_QUOTE_LENGTH);
    setDraft({ anchor, quote });
    setPanelShown(true);
    return true;
  }, [mayLink]);

  // The extension is made once per editor; it reaches the latest state through a ref.
  const latest = useRef({ select, panelShown });
  latest.current = { select, panelShown };
  const { highlights, extension } = useMemo(
    () =>
      feedbackHighlights({
        // Clicking words picks their item when the panel is there to show it; otherwise
        // the click is only for writing.
        onWords: (feedbackId) => {
          if (latest.current.panelShown) latest.current.select(feedbackId);
        },
        onMarker: (feedbackId) => {
          latest.current.select(feedbackId, { goToText: true });
          setPanelShown(true);
        },
      }),
    [],
  );

  /** The item whose words to select and scroll to once they are placed, if one is waiting. */
  const pendingGoTo = useCallback(() => goTo.current, []);
  const takeGoTo = useCallback(() => {
    goTo.current = null;
  }, []);

  const places = useMemo(
    () => feedbackPlaces(feedback.data ?? [], specificationId),
    [feedback.data, specificationId],
  );

  return {
    mayRead,
    mayLink,
    feedback,
    places,
    highlights,
    extension,
    selectedId,
    select,
    pendingGoTo,
    takeGoTo,
    panelShown: mayRead && panelShown,
    showPanel,
    hidePanel,
    draft,
    startLink,
    finishLink: () => setDraft(null),
    selectionNeeded,
    /** Gives the hook the editor once it exists (the extension is needed to make it). */
    attach: (current: Editor | null) => {
      editor.current = current;
    },
  };
}

/**
 * Hands the editor the places feedback shaped and the item selected, whenever they change;
 * and selects and scrolls to an item's words when asked to (by the address, or by choosing
 * the item in the panel) as soon as they are placed in the text.
 */
export function useFeedbackMarks(editor: Editor | null, feedback: FeedbackInText) {
  const { highlights, places, selectedId, pendingGoTo, takeGoTo } = feedback;
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(highlights.set(editor.state.tr, { items: places }));
  }, [editor, highlights, places]);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(highlights.set(editor.state.tr, { selectedId }));
  }, [editor, highlights, selectedId]);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    let frame = 0;
    const attempt = () => {
      const id = pendingGoTo();
      if (!id || id !== selectedId || editor.isDestroyed) return;
      if (goToWords(editor, highlights, places, id)) takeGoTo();
    };
    // The text may be placed later (the document is still arriving): try after each change.
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(attempt);
    };
    attempt();
    editor.on('transaction', later);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('transaction', later);
    };
  }, [editor, highlights, places, selectedId, pendingGoTo, takeGoTo]);
}
