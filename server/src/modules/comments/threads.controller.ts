import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommentThread, SpecificationComment } from '@coproduce/domain';
import type { Types } from 'mongoose';
import { Allow } from '../../base/access-rule.decorators';
import { ApiIdParam } from '../../base/api-docs';
import { AuditedByService } from '../../base/audited.decorator';
import { ObjectIdPipe, parseObjectId } from '../../base/object-id.pipe';
import { NotFound } from '../../base/errors';
import type { UserDocument } from '../accounts/user.schema';
import { CurrentMembership, type RequestMembership } from '../access/workspace-request';
import { CurrentUser } from '../auth/request-auth';
import { ChangeThreadDto } from './dto/change-thread.dto';
import { CommentDto } from './dto/comment.dto';
import { StartThreadDto } from './dto/start-thread.dto';
import type { Commenter, ThreadAddress } from './thread-access';
import { ThreadsService } from './threads.service';

const THREADS = 'specifications/:specificationId/threads';
// Each thread route answers at `…/threads/:threadId` (DESIGN.md) and under its specification,
// `…/specifications/:specificationId/threads/:threadId` (there the thread must be that one's).
const thread = (rest = '') => [`threads/:threadId${rest}`, `${THREADS}/:threadId${rest}`];

/**
 * Comment threads on a specification's text. Every route lets any member past the guard
 * (`specification.list`) so the service can answer a provider, who may not read drafts,
 * with 404 as for the draft itself, and a reader who may not write with 403.
 */
@ApiTags('comments')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId')
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Get(THREADS)
  @Allow('specification.list')
  @ApiOperation({ summary: "A specification's comment threads, in the order of its text" })
  @ApiIdParam('specificationId', 'The specification')
  list(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', new ObjectIdPipe('that specification'))
    specificationId: Types.ObjectId,
  ): Promise<CommentThread[]> {
    return this.threads.list(commenter(membership, user), specificationId);
  }

  @Post(THREADS)
  @Allow('specification.list')
  @AuditedByService()
  @ApiOperation({ summary: 'Start a comment thread on selected text' })
  @ApiIdParam('specificationId', 'The specification')
  start(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', new ObjectIdPipe('that specification'))
    specificationId: Types.ObjectId,
    @Body() body: StartThreadDto,
  ): Promise<CommentThread> {
    return this.threads.start(commenter(membership, user), specificationId, body);
  }

  @Post(thread('/comments'))
  @Allow('specification.list')
  @AuditedByService()
  @ApiOperation({ summary: 'Reply to a thread (a resolved one reopens)' })
  @ApiIdParam('threadId', 'The comment thread')
  reply(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('threadId') threadId: string,
    @Param('specificationId') specificationId: string | undefined,
    @Body() body: CommentDto,
  ): Promise<SpecificationComment> {
    return this.threads.reply(
      commenter(membership, user),
      threadAddress(threadId, specificationId),
      body,
    );
  }

  @Patch(thread())
  @Allow('specification.list')
  @AuditedByService()
  @ApiOperation({ summary: 'Resolve or reopen a thread' })
  @ApiIdParam('threadId', 'The comment thread')
  change(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('threadId') threadId: string,
    @Param('specificationId') specificationId: string | undefined,
    @Body() body: ChangeThreadDto,
  ): Promise<CommentThread> {
    return this.threads.changeStatus(
      commenter(membership, user),
      threadAddress(threadId, specificationId),
      body.status,
    );
  }

  @Patch(thread('/comments/:commentId'))
  @Allow('specification.list')
  @AuditedByService()
  @ApiOperation({ summary: 'Change the words of your own comment' })
  @ApiIdParam('threadId', 'The comment thread')
  @ApiIdParam('commentId', 'The comment')
  edit(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('threadId') threadId: string,
    @Param('specificationId') specificationId: string | undefined,
    @Param('commentId', new ObjectIdPipe('that comment')) commentId: Types.ObjectId,
    @Body() body: CommentDto,
  ): Promise<SpecificationComment> {
    return this.threads.editComment(
      commenter(membership, user),
      threadAddress(threadId, specificationId),
      commentId,
      body,
    );
  }

  @Delete(thread('/comments/:commentId'))
  @Allow('specification.list')
  @AuditedByService()
  @ApiOperation({ summary: 'Delete your own comment ("comment deleted" stays in its place)' })
  @ApiIdParam('threadId', 'The comment thread')
  @ApiIdParam('commentId', 'The comment')
  remove(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('threadId') threadId: string,
    @Param('specificationId') specificationId: string | undefined,
    @Param('commentId', new ObjectIdPipe('that comment')) commentId: Types.ObjectId,
  ): Promise<SpecificationComment> {
    return this.threads.deleteComment(
      commenter(membership, user),
      threadAddress(threadId, specificationId),
      commentId,
    );
  }

  @Post(thread('/read'))
  @HttpCode(204)
  // Marking what one has read changes nothing anyone else sees: fine in an archived workspace.
  @Allow('specification.list', { whileArchived: true })
  @AuditedByService()
  @ApiOperation({ summary: 'Mark a thread read up to now (for unread counts)' })
  @ApiIdParam('threadId', 'The comment thread')
  async read(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('threadId') threadId: string,
    @Param('specificationId') specificationId: string | undefined,
  ): Promise<void> {
    await this.threads.markRead(
      commenter(membership, user),
      threadAddress(threadId, specificationId),
    );
  }
}

function commenter(membership: RequestMembership, user: UserDocument): Commenter {
  return { workspaceId: membership.workspaceId, role: membership.role, user };
}

/** Malformed ids name nothing: 404, as an unknown one. */
function threadAddress(threadId: string, specificationId: string | undefined): ThreadAddress {
  const thread = parseObjectId(threadId);
  if (!thread) throw new NotFound('that comment thread');
  if (specificationId === undefined) return { threadId: thread };
  const specification = parseObjectId(specificationId);
  if (!specification) throw new NotFound('that comment thread');
  return { threadId: thread, specificationId: specification };
}
