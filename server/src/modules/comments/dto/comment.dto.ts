import type { EditCommentRequest, ReplyRequest } from '@coproduce/domain';
import { CommentBody, Mentions } from './comment-fields';

/** A reply, or a comment's new words: the same fields either way. */
export class CommentDto implements ReplyRequest, EditCommentRequest {
  @CommentBody()
  body: string;

  @Mentions()
  mentions?: string[];
}
