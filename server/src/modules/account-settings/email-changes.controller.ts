import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type {
  EmailChangeAnswer,
  EmailConfirmationPreview,
  EmailConfirmed,
} from '@coproduce/domain';
import type { Response } from 'express';
import { Public, SignedIn } from '../../base/access-rule.decorators';
import { Audited, type AuditDescription } from '../../base/audited.decorator';
import type { UserDocument } from '../accounts/user.schema';
import { CurrentUser, type AuthenticatedRequest } from '../auth/request-auth';
import { ChangeEmailDto } from './dto/change-email.dto';
import { EmailChangesService } from './email-changes.service';

/** Changing the address you sign in with, and the emailed link that confirms a new one. */
@ApiTags('account')
@Controller('api/account')
@UseGuards(ThrottlerGuard)
export class EmailChangesController {
  constructor(private readonly changes: EmailChangesService) {}

  @Post('email')
  @SignedIn()
  @ApiBearerAuth()
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Audited<AuthenticatedRequest>(
    'account.email-change-request',
    ({ request, result }): AuditDescription => {
      const target = { type: 'user', id: request.auth?.user.id as string | undefined };
      return (result as EmailChangeAnswer).status === 'changed'
        ? { action: 'account.email-change', target, detail: { confirmedWith: 'password' } }
        : { target, detail: { confirmationEmailed: 'yes' } };
    },
  )
  @ApiResponse({ status: 202, description: 'A link to confirm it was emailed to the new address' })
  @ApiResponse({ status: 200, description: 'Changed at once (this Coproduce sends no email)' })
  @ApiOperation({
    summary:
      'Change your email address: confirmed by a link emailed to it when this Coproduce sends email (202), otherwise at once with your current password (200)',
  })
  async start(
    @CurrentUser() user: UserDocument,
    @Body() body: ChangeEmailDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EmailChangeAnswer> {
    const answer = await this.changes.start(user, body.email, body.password, String(request.ip));
    response.status(answer.status === 'changed' ? 200 : 202);
    return answer;
  }

  @Get('email-confirmations/:token')
  @Public()
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOperation({
    summary: 'The address a confirmation link is for (404 unknown, 410 used or expired)',
  })
  preview(@Param('token') token: string): Promise<EmailConfirmationPreview> {
    return this.changes.preview(token);
  }

  @Post('email-confirmations/:token')
  @HttpCode(200)
  @Public()
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Audited('account.email-change', ({ result }) => {
    const { user } = result as EmailConfirmed;
    return {
      target: { type: 'user', id: user.id },
      actorId: user.id,
      detail: { confirmedWith: 'a link emailed to the new address' },
    };
  })
  @ApiOperation({
    summary:
      'Confirm a new address: it becomes the one you sign in with, once, and the old one is told (410 used or expired, 409 when another account has it by now)',
  })
  async confirm(@Param('token') token: string): Promise<EmailConfirmed> {
    const user = await this.changes.confirm(token);
    return { user: { id: user.id as string, name: user.name, email: user.email } };
  }
}
