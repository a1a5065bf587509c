import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommentInbox } from '@coproduce/domain';
import { SignedIn } from '../../base/access-rule.decorators';
import type { UserDocument } from '../accounts/user.schema';
import { CurrentUser } from '../auth/request-auth';
import { InboxService } from './inbox.service';

@ApiTags('comments')
@ApiBearerAuth()
@Controller('api/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Your mentions and unread comment threads, across your workspaces' })
  inboxOf(@CurrentUser() user: UserDocument): Promise<CommentInbox> {
    return this.inbox.inboxFor(user.id as string);
  }
}
