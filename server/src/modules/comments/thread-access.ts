import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Role } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { BadRequest, Forbidden, Gone, NotFound } from '../../base/errors';
import { parseObjectId } from '../../base/object-id.pipe';
import { AccessPolicy } from '../access/access-policy';
import { WorkspaceRoles } from '../access/workspace-roles';
import { LiveDocumentKinds, type LiveAccess } from '../collab/live-document-kinds';
import { CommentThread } from './comment-thread.schema';
import type { StoredThread } from './thread-view';

/** Who is asking: their membership of the workspace in the path, and who they are. */
export interface Commenter {
  workspaceId: Types.ObjectId;
  role: Role;
  user: { _id: Types.ObjectId; name: string };
}

/** Which thread a route names: by id, and by specification when the path gives one. */
export interface ThreadAddress {
  threadId: Types.ObjectId;
  specificationId?: Types.ObjectId;
}

/** A deleted comment cannot be changed: its words are gone. */
export class CommentDeleted extends Gone {
  constructor() {
    super('This comment was deleted, so it can no longer be changed.');
  }
}

/**
 * Who may reach which thread and comment. Threads are part of the live document they are
 * on — a draft, or an engagement copy — so whoever may not read it learns nothing (404),
 * and its kind says who may write (LiveDocumentKinds: `specification.comment` on a draft;
 * those taking part, on a copy); a comment is its author's; mentions name members who
 * may read it.
 */
@Injectable()
export class ThreadAccess {
  constructor(
    @InjectModel(CommentThread.name) private readonly threads: Model<CommentThread>,
    private readonly kinds: LiveDocumentKinds,
    private readonly roles: WorkspaceRoles,
  ) {}

  /** The caller's access to the document: 404 for one they may not read, as for none. */
  async findSpecification(caller: Commenter, specificationId: Types.ObjectId): Promise<LiveAccess> {
    let access: LiveAccess;
    try {
      access = await this.kinds.accessOf(
        specificationId.toHexString(),
        caller.user._id.toHexString(),
      );
    } catch (error) {
      if (error instanceof NotFound) throw new NotFound('that specification');
      throw error;
    }
    if (access.workspaceId !== caller.workspaceId.toHexString()) {
      throw new NotFound('that specification');
    }
    return access;
  }

  async findThread(
    caller: Commenter,
    address: ThreadAddress,
  ): Promise<{ thread: StoredThread; access: LiveAccess }> {
    const thread = await this.threads
      .findOne(
        {
          _id: address.threadId,
          workspaceId: caller.workspaceId,
          ...(address.specificationId ? { specificationId: address.specificationId } : {}),
        },
        { statusChanges: 0 },
      )
      .lean<StoredThread>()
      .exec();
    if (!thread) throw new NotFound('that comment thread');
    try {
      return { thread, access: await this.findSpecification(caller, thread.specificationId) };
    } catch (error) {
      if (error instanceof NotFound) throw new NotFound('that comment thread');
      throw error;
    }
  }

  /** A comment of the thread that the caller wrote and may still change. */
  async findOwnComment(
    caller: Commenter,
    address: ThreadAddress,
    commentId: Types.ObjectId,
  ): Promise<{ thread: StoredThread; index: number; access: LiveAccess }> {
    const { thread, access } = await this.findThread(caller, address);
    const index = thread.comments.findIndex((comment) => comment._id.equals(commentId));
    const comment = thread.comments[index];
    if (!comment) throw new NotFound('that comment');
    this.mayComment(caller, access);
    if (!comment.authorId.equals(caller.user._id)) {
      throw new Forbidden('Only the person who wrote a comment may change or delete it.');
    }
    if (comment.deleted) throw new CommentDeleted();
    return { thread, index, access };
  }

  mayComment(caller: Commenter, access: LiveAccess): void {
    if (!access.rule.mayComment(caller.role)) {
      throw new Forbidden('Your role in this workspace lets you read comments, not write them.');
    }
    // A closed round's copy is its record: kept as it was, comments included.
    if (access.readOnly?.kind === 'closed') throw new Forbidden(access.readOnly.message);
  }

  /** Each person mentioned must be a member who may read the document the comment is on. */
  async checkedMentions(
    caller: Commenter,
    access: LiveAccess,
    mentions: string[] | undefined,
  ): Promise<Types.ObjectId[]> {
    const ids = (mentions ?? []).map((id) => parseObjectId(id)!);
    if (ids.length === 0) return [];
    if (!access.rule.allowsMentions) {
      throw new BadRequest(
        'Mentions are for comments on a specification; in an engagement copy, reply in the thread instead.',
      );
    }
    const roles = await this.roles.rolesOf(caller.workspaceId, ids);
    for (const id of ids) {
      const role = roles.get(id.toHexString());
      if (!role) {
        throw new BadRequest(
          `The person mentioned as ${id.toHexString()} is not a member of this workspace. Mention only members.`,
        );
      }
      if (!access.rule.mayRead(role)) {
        throw new BadRequest(
          `The person mentioned as ${id.toHexString()} cannot read draft specifications (a provider), so they cannot be mentioned here.`,
        );
      }
    }
    return ids;
  }

  /** Resolving and reopening: one's own thread with `thread.resolve`, anyone's with `thread.resolve-any`. */
  mayResolve(caller: Commenter, thread: StoredThread): void {
    const own = thread.createdBy.equals(caller.user._id);
    if (AccessPolicy.can(caller.role, own ? 'thread.resolve' : 'thread.resolve-any')) return;
    throw new Forbidden(
      AccessPolicy.can(caller.role, 'thread.resolve')
        ? 'Only the person who started this thread, or a commissioner, may resolve or reopen it.'
        : 'Your role in this workspace lets you read comments, not resolve them.',
    );
  }
}
