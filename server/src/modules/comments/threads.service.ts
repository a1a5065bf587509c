import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  HIDDEN_PROVIDER_NAME,
  type CommentThread as ThreadView,
  type SpecificationComment,
  type ThreadStatus,
} from '@coproduce/domain';
import type { ThreadChange } from '@coproduce/protocol';
import { resolveAnchors, type Anchor } from '@coproduce/specification-document';
import { Model, Types } from 'mongoose';
import { Conflict, NotFound } from '../../base/errors';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { WorkspaceRoles } from '../access/workspace-roles';
import type { LiveAccess } from '../collab/live-document-kinds';
import { SpecificationReader } from '../collab/specification-reader';
import { CommentNotices } from './comment-notices';
import { MentionMail } from './mention-mail';
import { CommentDeleted, ThreadAccess, type Commenter, type ThreadAddress } from './thread-access';
import { checkedAnchor, quoteAtNewAnchor } from '../collab/anchored-quote';
import {
  CommentThread,
  MAX_COMMENTS_PER_THREAD,
  type StoredComment,
} from './comment-thread.schema';
import { ThreadRead } from './thread-read.schema';
import { peopleIn, threadView, type People, type StoredThread } from './thread-view';

const SELECT_AGAIN = 'Select the text again and start the thread.';

export interface NewThread {
  body: string;
  quote: string;
  anchor: Anchor;
  mentions?: string[];
}

export interface CommentWords {
  body: string;
  mentions?: string[];
}

/**
 * Comment threads on a specification's text: who may read and write them, what is
 * stored, and, after every change, an audit entry and a live notice to everyone with
 * the specification open (CommentNotices). The collab module is reached only through
 * SpecificationReader, for the text as it is now.
 */
@Injectable()
export class ThreadsService {
  constructor(
    @InjectModel(CommentThread.name) private readonly threads: Model<CommentThread>,
    @InjectModel(ThreadRead.name) private readonly reads: Model<ThreadRead>,
    private readonly access: ThreadAccess,
    private readonly accounts: AccountsService,
    private readonly reader: SpecificationReader,
    private readonly audit: AuditService,
    private readonly notices: CommentNotices,
    private readonly mentionMail: MentionMail,
    private readonly roles: WorkspaceRoles,
  ) {}

  /** Every thread of a specification, in the order of the text; removed text's last, oldest first. */
  async list(caller: Commenter, specificationId: Types.ObjectId): Promise<ThreadView[]> {
    const access = await this.access.findSpecification(caller, specificationId);
    const stored = await this.threads
      .find(
        { specificationId, workspaceId: caller.workspaceId },
        { workspaceId: 0, statusChanges: 0 },
      )
      .sort({ createdAt: 1, _id: 1 })
      .lean<StoredThread[]>()
      .exec();
    if (stored.length === 0) return [];
    const doc = await this.reader.read(specificationId.toHexString());
    let placed;
    try {
      placed = resolveAnchors(
        doc,
        stored.map((thread) => thread.anchor),
      );
    } finally {
      doc.destroy();
    }
    const people = await this.namesIn(caller, access, stored);
    // A stable sort: threads on the same spot, and all removed ones, stay oldest first.
    return stored
      .map((thread, index) => ({ thread, place: placed[index]! }))
      .sort((a, b) => a.place.order - b.place.order || 0)
      .map(({ thread, place }) => threadView(thread, place.textRemoved, people));
  }

  async start(
    caller: Commenter,
    specificationId: Types.ObjectId,
    request: NewThread,
  ): Promise<ThreadView> {
    const access = await this.access.findSpecification(caller, specificationId);
    this.access.mayComment(caller, access);
    const anchor = checkedAnchor(request.anchor, SELECT_AGAIN);
    const mentions = await this.access.checkedMentions(caller, access, request.mentions);
    const doc = await this.reader.read(specificationId.toHexString());
    let quote: string;
    try {
      quote = quoteAtNewAnchor(doc, anchor, request.quote, SELECT_AGAIN);
    } finally {
      doc.destroy();
    }
    const now = new Date();
    const created = await this.threads.create({
      workspaceId: caller.workspaceId,
      specificationId,
      status: 'open',
      anchor,
      quote,
      createdBy: caller.user._id,
      comments: [newComment(caller, request.body, mentions, now)],
    });
    const thread = created.toObject() as StoredThread;
    await this.recorded(caller, 'thread.start', thread);
    this.mailMentions(caller, thread, request.body, mentions);
    return this.announce(caller, access, thread, 'started', { textRemoved: false });
  }

  /** A reply; to a resolved thread it reopens it, as the replier. */
  async reply(
    caller: Commenter,
    address: ThreadAddress,
    request: CommentWords,
  ): Promise<SpecificationComment> {
    const { thread, access } = await this.access.findThread(caller, address);
    this.access.mayComment(caller, access);
    if (thread.comments.length >= MAX_COMMENTS_PER_THREAD) throw full();
    const mentions = await this.access.checkedMentions(caller, access, request.mentions);
    const now = new Date();
    const comment = newComment(caller, request.body, mentions, now);
    const reopens = thread.status === 'resolved';
    const updated = await this.threads
      .findOneAndUpdate(
        // The cap holds under concurrent replies: the last free place is taken once.
        { _id: thread._id, [`comments.${MAX_COMMENTS_PER_THREAD - 1}`]: { $exists: false } },
        {
          $push: {
            comments: comment,
            ...(reopens ? { statusChanges: { status: 'open', by: caller.user._id, at: now } } : {}),
          },
          ...(reopens ? { $set: { status: 'open', resolvedBy: null, resolvedAt: null } } : {}),
        },
        { new: true, projection: { statusChanges: 0 } },
      )
      .lean<StoredThread>()
      .exec();
    if (!updated) throw full();
    await this.recorded(caller, 'comment.add', updated, comment._id);
    this.mailMentions(caller, updated, request.body, mentions);
    if (reopens) await this.recorded(caller, 'thread.reopen', updated);
    const view = await this.announce(caller, access, updated, reopens ? 'reopened' : 'replied');
    return view.comments.find((each) => each.id === comment._id.toHexString())!;
  }

  async changeStatus(
    caller: Commenter,
    address: ThreadAddress,
    status: ThreadStatus,
  ): Promise<ThreadView> {
    const { thread, access } = await this.access.findThread(caller, address);
    this.access.mayResolve(caller, thread);
    if (thread.status === status) return this.viewOf(caller, access, thread);
    const now = new Date();
    const resolving = status === 'resolved';
    const updated = await this.threads
      .findOneAndUpdate(
        { _id: thread._id },
        {
          $set: {
            status,
            resolvedBy: resolving ? caller.user._id : null,
            resolvedAt: resolving ? now : null,
          },
          $push: { statusChanges: { status, by: caller.user._id, at: now } },
        },
        { new: true, projection: { statusChanges: 0 } },
      )
      .lean<StoredThread>()
      .exec();
    if (!updated) throw new NotFound('that comment thread');
    await this.recorded(caller, resolving ? 'thread.resolve' : 'thread.reopen', updated);
    return this.announce(caller, access, updated, resolving ? 'resolved' : 'reopened');
  }

  async editComment(
    caller: Commenter,
    address: ThreadAddress,
    commentId: Types.ObjectId,
    request: CommentWords,
  ): Promise<SpecificationComment> {
    const { thread, index, access } = await this.access.findOwnComment(caller, address, commentId);
    const at = `comments.${index}`;
    // Mentions left out are left as they were; an empty list takes them all away.
    const newMentions =
      request.mentions === undefined
        ? undefined
        : await this.access.checkedMentions(caller, access, request.mentions);
    const mentions = newMentions === undefined ? {} : { [`${at}.mentions`]: newMentions };
    const updated = await this.threads
      .findOneAndUpdate(
        { _id: thread._id, [`${at}._id`]: commentId, [`${at}.deleted`]: false },
        { $set: { [`${at}.body`]: request.body, [`${at}.editedAt`]: new Date(), ...mentions } },
        { new: true, projection: { statusChanges: 0 } },
      )
      .lean<StoredThread>()
      .exec();
    if (!updated) throw new CommentDeleted();
    await this.recorded(caller, 'comment.edit', updated, commentId);
    // Only those the edit adds: the others were told when they were first mentioned.
    const before = thread.comments[index]!.mentions;
    this.mailMentions(
      caller,
      updated,
      request.body,
      (newMentions ?? []).filter((id) => !before.some((earlier) => earlier.equals(id))),
    );
    const view = await this.announce(caller, access, updated, 'comment-edited', {
      before: thread,
    });
    return view.comments[index]!;
  }

  /** The comment's words and mentions go; its place in the thread stays. */
  async deleteComment(
    caller: Commenter,
    address: ThreadAddress,
    commentId: Types.ObjectId,
  ): Promise<SpecificationComment> {
    const { thread, index, access } = await this.access.findOwnComment(caller, address, commentId);
    const at = `comments.${index}`;
    const updated = await this.threads
      .findOneAndUpdate(
        { _id: thread._id, [`${at}._id`]: commentId, [`${at}.deleted`]: false },
        {
          $set: {
            [`${at}.deleted`]: true,
            [`${at}.body`]: '',
            [`${at}.mentions`]: [],
            [`${at}.deletedAt`]: new Date(),
          },
        },
        { new: true, projection: { statusChanges: 0 } },
      )
      .lean<StoredThread>()
      .exec();
    if (!updated) throw new CommentDeleted();
    await this.recorded(caller, 'comment.delete', updated, commentId);
    const view = await this.announce(caller, access, updated, 'comment-deleted', {
      before: thread,
    });
    return view.comments[index]!;
  }

  /** The caller has read the thread up to now: its comments so far no longer count as unread. */
  async markRead(caller: Commenter, address: ThreadAddress): Promise<void> {
    const { thread } = await this.access.findThread(caller, address);
    const filter = { userId: caller.user._id, threadId: thread._id };
    const update = { $set: { readAt: new Date() } };
    try {
      await this.reads.updateOne(filter, update, { upsert: true }).exec();
    } catch (error) {
      // Two reads at once both tried to insert: the other one did, so update it.
      if ((error as { code?: unknown }).code !== 11000) throw error;
      await this.reads.updateOne(filter, update).exec();
    }
    this.notices.inboxesChanged([caller.user._id.toHexString()]);
  }

  // ---------------------------------------------------------------------------

  private mailMentions(
    caller: Commenter,
    thread: StoredThread,
    body: string,
    mentioned: readonly Types.ObjectId[],
  ): void {
    this.mentionMail.send({
      workspaceId: caller.workspaceId,
      specificationId: thread.specificationId,
      threadId: thread._id,
      author: caller.user,
      body,
      mentioned,
    });
  }

  private recorded(
    caller: Commenter,
    action: string,
    thread: StoredThread,
    commentId?: Types.ObjectId,
  ): Promise<void> {
    return this.audit.record({
      workspaceId: caller.workspaceId,
      actorId: caller.user._id,
      action,
      target: { type: 'thread', id: thread._id.toHexString() },
      detail: {
        specificationId: thread.specificationId.toHexString(),
        ...(commentId ? { commentId: commentId.toHexString() } : {}),
      },
    });
  }

  /** The thread as the API shows it, with whether its text is still there now. */
  private async viewOf(
    caller: Commenter,
    access: LiveAccess,
    thread: StoredThread,
    textRemoved?: boolean,
  ): Promise<ThreadView> {
    let removed = textRemoved;
    if (removed === undefined) {
      const doc = await this.reader.read(thread.specificationId.toHexString());
      try {
        removed = resolveAnchors(doc, [thread.anchor])[0]!.textRemoved;
      } finally {
        doc.destroy();
      }
    }
    return threadView(thread, removed, await this.namesIn(caller, access, [thread]));
  }

  /** The names of everyone the threads name; providers' hidden where the document hides them. */
  private async namesIn(
    caller: Commenter,
    access: LiveAccess,
    threads: StoredThread[],
  ): Promise<People> {
    const ids = peopleIn(threads);
    const people = await this.accounts.findSummaries(ids);
    if (!access.hidesProviderNames) return people;
    const roles = await this.roles.rolesOf(caller.workspaceId, ids);
    return new Map(
      [...people].map(([id, person]) => [
        id,
        roles.get(id) === 'provider' ? { ...person, name: HIDDEN_PROVIDER_NAME } : person,
      ]),
    );
  }

  /** Tells everyone with the specification open, and everyone whose inbox it touches. */
  private async announce(
    caller: Commenter,
    access: LiveAccess,
    thread: StoredThread,
    change: ThreadChange,
    { textRemoved, before }: { textRemoved?: boolean; before?: StoredThread } = {},
  ): Promise<ThreadView> {
    const view = await this.viewOf(caller, access, thread, textRemoved);
    this.notices.threadChanged(view, change, {
      id: caller.user._id.toHexString(),
      name: access.shownAs ?? caller.user.name,
    });
    // An edit or deletion can take a mention away: whoever it named hears of it too.
    this.notices.inboxesChanged([...involvedIn(thread), ...(before ? involvedIn(before) : [])]);
    return view;
  }
}

function newComment(
  caller: Commenter,
  body: string,
  mentions: Types.ObjectId[],
  at: Date,
): StoredComment {
  return {
    _id: new Types.ObjectId(),
    authorId: caller.user._id,
    body,
    mentions,
    createdAt: at,
    editedAt: null,
    deleted: false,
    deletedAt: null,
  };
}

/** Everyone whose inbox a thread can be in: its authors and the people it mentions. */
function involvedIn(thread: StoredThread): string[] {
  const ids = new Set<string>();
  for (const comment of thread.comments) {
    ids.add(comment.authorId.toHexString());
    for (const id of comment.mentions) ids.add(id.toHexString());
  }
  return [...ids];
}

function full() {
  return new Conflict(
    `This thread has reached ${MAX_COMMENTS_PER_THREAD} comments. Start a new thread on the same text to carry on.`,
  );
}
