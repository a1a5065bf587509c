import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublishingNotices } from '@coproduce/domain';
import { SignedIn } from '../../base/access-rule.decorators';
import { AuditedByService } from '../../base/audited.decorator';
import type { UserDocument } from '../accounts/user.schema';
import { CurrentUser } from '../auth/request-auth';
import { NoticesService } from './notices.service';

@ApiTags('publishing')
@ApiBearerAuth()
@Controller('api/notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'Your publishing notices: versions and answers, across your workspaces',
  })
  noticesOf(@CurrentUser() user: UserDocument): Promise<PublishingNotices> {
    return this.notices.noticesFor(user._id);
  }

  @Post('read')
  @HttpCode(204)
  @SignedIn()
  @AuditedByService()
  @ApiOperation({ summary: 'Every notice up to now is read' })
  async read(@CurrentUser() user: UserDocument): Promise<void> {
    await this.notices.markRead(user._id);
  }
}
