import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ThreadStatus } from '@coproduce/domain';
import { HydratedDocument, Types } from 'mongoose';
import { StoredAnchor, StoredAnchorSchema } from '../specifications/stored-anchor.schema';

/**
 * The most comments one thread holds. Comments live inside their thread (see
 * CommentThread), so a thread must stay well inside MongoDB's 16 MB per document:
 * 500 comments of at most 10,000 characters are about 5 MB at worst.
 */
export const MAX_COMMENTS_PER_THREAD = 500;

@Schema({ _id: true })
export class StoredComment {
  _id: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  authorId: Types.ObjectId;

  /** Emptied when deleted: the place stays, the words go. */
  @Prop({ type: String, default: '' })
  body: string;

  /** Members the comment mentions, as a list (never a map: the embedded store reorders integer-like keys). */
  @Prop({ type: [Types.ObjectId], default: [] })
  mentions: Types.ObjectId[];

  @Prop({ type: Date, required: true })
  createdAt: Date;

  @Prop({ type: Date, default: null })
  editedAt: Date | null;

  @Prop({ type: Boolean, default: false })
  deleted: boolean;

  @Prop({ type: Date, default: null })
  deletedAt: Date | null;
}

const StoredCommentSchema = SchemaFactory.createForClass(StoredComment);

/** One resolve or reopen, kept so "who and when" survives the thread moving on. */
@Schema({ _id: false })
export class StatusChange {
  @Prop({ type: String, required: true, enum: ['open', 'resolved'] })
  status: ThreadStatus;

  @Prop({ type: Types.ObjectId, required: true })
  by: Types.ObjectId;

  @Prop({ type: Date, required: true })
  at: Date;
}

const StatusChangeSchema = SchemaFactory.createForClass(StatusChange);

/**
 * A comment thread on a specification's text. Its comments are embedded: the list
 * shows every thread with all its comments, so one document per thread is one read,
 * and each change (a reply, an edit, a resolve) is one atomic update of one document,
 * which the embedded store (no multi-document transactions) can promise. Whether the
 * anchored text still exists is worked out against the current text when read, never
 * stored: it changes with everyone's edits.
 */
@Schema({ collection: 'comment_threads', timestamps: true })
export class CommentThread {
  @Prop({ type: Types.ObjectId, required: true })
  workspaceId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  specificationId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: ['open', 'resolved'], default: 'open' })
  status: ThreadStatus;

  @Prop({ type: StoredAnchorSchema, required: true })
  anchor: StoredAnchor;

  @Prop({ type: String, required: true })
  quote: string;

  @Prop({ type: Types.ObjectId, required: true })
  createdBy: Types.ObjectId;

  @Prop({ type: Types.ObjectId, default: null })
  resolvedBy: Types.ObjectId | null;

  @Prop({ type: Date, default: null })
  resolvedAt: Date | null;

  @Prop({ type: [StatusChangeSchema], default: [] })
  statusChanges: StatusChange[];

  @Prop({ type: [StoredCommentSchema], default: [] })
  comments: StoredComment[];

  createdAt: Date;
  updatedAt: Date;
}

export type CommentThreadDocument = HydratedDocument<CommentThread>;
export const CommentThreadSchema = SchemaFactory.createForClass(CommentThread);
// The panel's list and its filter by status.
CommentThreadSchema.index({ specificationId: 1, status: 1, createdAt: 1 });
// Threads on the same words (a client finding the thread for a highlight).
CommentThreadSchema.index({ specificationId: 1, 'anchor.start': 1, 'anchor.end': 1 });
// The inbox: threads a person wrote in, or was mentioned in, newest first.
CommentThreadSchema.index({ 'comments.authorId': 1, updatedAt: -1 });
CommentThreadSchema.index({ 'comments.mentions': 1, updatedAt: -1 });
