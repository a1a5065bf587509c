import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { PasswordResetPreview, PasswordResetRequested, UserSummary } from '@coproduce/domain';
import { Public } from '../../base/access-rule.decorators';
import { Audited } from '../../base/audited.decorator';
import { toUserSummary } from '../accounts/accounts.service';
import { ChoosePasswordDto } from './dto/choose-password.dto';
import { RequestPasswordResetDto } from './dto/request-password-reset.dto';
import { PasswordResetsService } from './password-resets.service';

/** "Forgotten your password?": asking for a link, and using it. */
@ApiTags('session')
@Controller('api/password-resets')
@UseGuards(ThrottlerGuard)
@Throttle({ default: { limit: 10, ttl: 60_000 } })
export class PasswordResetsController {
  constructor(private readonly resets: PasswordResetsService) {}

  @Post()
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary:
      'Ask for a link to choose a new password: emailed if the address has an account (the same answer either way)',
  })
  request(@Body() body: RequestPasswordResetDto): Promise<PasswordResetRequested> {
    return this.resets.request(body.email);
  }

  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'Whose password a link sets (404 unknown, 410 used or expired)' })
  preview(@Param('token') token: string): Promise<PasswordResetPreview> {
    return this.resets.preview(token);
  }

  @Post(':token')
  @HttpCode(200)
  @Public()
  @Audited('password.reset', ({ result }) => {
    const user = result as UserSummary;
    return { target: { type: 'user', id: user.id }, actorId: user.id };
  })
  @ApiOperation({
    summary: 'Choose the new password; every session of the person ends (410 used or expired)',
  })
  async choose(
    @Param('token') token: string,
    @Body() body: ChoosePasswordDto,
  ): Promise<UserSummary> {
    return toUserSummary(await this.resets.choose(token, body.password));
  }
}
