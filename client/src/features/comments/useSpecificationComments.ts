import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Editor } from '@tiptap/react';
import { MAX_QUOTE_LENGTH, type Action, type CommentPerson } from '@coproduce/domain';
import type { Y } from '@coproduce/protocol';
import { anchorFromSelection, specificationFragment } from '@coproduce/specification-document';
import { useMembers } from '../workspace/workspace-queries';
import { CommentHighlights } from './comment-highlights';
import { useMarkRead, useThreadActions, useThreads } from './comment-queries';
import type { ThreadDraft } from './CommentsPanel';
import { openThreadsPerSection } from './section-counts';

interface Options {
  workspaceId: string;
  specificationId: string;
  doc: Y.Doc;
  userId: string;
  /** The person's allowed actions in the workspace (empty while it loads). */
  permissions: readonly Action[];
  /** Whether comments may mention people (not in an engagement copy). */
  mentions?: boolean;
}

export type SpecificationComments = ReturnType<typeof useSpecificationComments>;

/**
 * Everything the specification page needs for comment threads: the threads (live), the
 * editor extension that highlights them, the selected thread (kept in the address as
 * `?thread=`, so the inbox can link to it), a thread being started, and counts per section.
 */
export function useSpecificationComments({
  workspaceId,
  specificationId,
  doc,
  userId,
  permissions,
  mentions = true,
}: Options) {
  const threads = useThreads(workspaceId, specificationId);
  const actions = useThreadActions(workspaceId, specificationId);
  const mayComment = permissions.includes('specification.comment');
  const members = useMembers(workspaceId);
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('thread');
  const [draft, setDraft] = useState<ThreadDraft | null>(null);
  const [selectionNeeded, setSelectionNeeded] = useState(false);
  const editor = useRef<Editor | null>(null);

  const select = useCallback(
    (threadId: string | null) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (threadId) next.set('thread', threadId);
          else next.delete('thread');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const startOnSelection = useCallback(() => {
    const current = editor.current;
    if (!current || !mayComment) return;
    const anchor = anchorFromSelection(current.state);
    setSelectionNeeded(anchor === null);
    if (!anchor) return;
    const { from, to } = current.state.selection;
    const quote = current.state.doc.textBetween(from, to, '\n').slice(0, MAX_QUOTE_LENGTH);
    setDraft({ anchor, quote });
  }, [mayComment]);

  // The extension is made once per editor; it reaches the latest callbacks through a ref.
  const callbacks = useRef({ select, startOnSelection });
  callbacks.current = { select, startOnSelection };
  const extension = useMemo(
    () =>
      CommentHighlights.configure({
        onSelectThread: (threadId) => callbacks.current.select(threadId),
        onStartThread: () => callbacks.current.startOnSelection(),
      }),
    [],
  );

  useMarkRead(workspaceId, selectedId);

  // Only people who may read the draft can be mentioned; providers never see it.
  const people: CommentPerson[] = useMemo(
    () =>
      mentions
        ? (members.data ?? [])
            .filter((member) => member.role !== 'provider' && member.userId !== userId)
            .map((member) => ({ id: member.userId, name: member.name }))
        : [],
    [members.data, userId, mentions],
  );

  const sectionCounts = useSectionCounts(doc, threads.data);

  return {
    threads,
    actions,
    people,
    userId,
    mayComment,
    mayResolveOwn: permissions.includes('thread.resolve'),
    mayResolveAny: permissions.includes('thread.resolve-any'),
    selectedId,
    select,
    draft,
    finishDraft: () => setDraft(null),
    startOnSelection,
    selectionNeeded,
    extension,
    /** Gives the hook the editor once it exists (the extension is needed to make it). */
    attach: (current: Editor | null) => {
      editor.current = current;
    },
    sectionCounts,
  };
}

// Counting reads every anchor; while someone types, once after a pause is plenty.
const RECOUNT_AFTER_MS = 300;

function useSectionCounts(
  doc: Y.Doc,
  threads: Parameters<typeof openThreadsPerSection>[1] | undefined,
) {
  const [counts, setCounts] = useState<number[]>([]);
  useEffect(() => {
    if (!threads) return;
    const fragment = specificationFragment(doc);
    const count = () => setCounts(openThreadsPerSection(doc, threads));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(count, RECOUNT_AFTER_MS);
    };
    count();
    fragment.observeDeep(later);
    return () => {
      clearTimeout(timer);
      fragment.unobserveDeep(later);
    };
  }, [doc, threads]);
  return counts;
}
