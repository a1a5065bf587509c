import { Body, Controller, Get, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { CompletedSetup } from '@coproduce/domain';
import type { Response } from 'express';
import { Public } from '../../base/access-rule.decorators';
import { Audited } from '../../base/audited.decorator';
import { AuthService } from '../auth/auth.service';
import type { AuthenticatedRequest } from '../auth/request-auth';
import { setSessionCookie } from '../auth/session-cookie';
import { CompleteSetupDto } from './dto/complete-setup.dto';
import { SetupService } from './setup.service';

/** First run: the person holding the printed code creates the first commissioner. */
@ApiTags('setup')
@Controller('api/setup')
export class SetupController {
  constructor(
    private readonly setup: SetupService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether this Coproduce still needs its first-run set-up' })
  async status(): Promise<{ needed: boolean }> {
    return { needed: await this.setup.isNeeded() };
  }

  @Post()
  @Public()
  // The code has about 56 bits; this only keeps one address from hammering the argon2 hashing.
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Audited('setup.complete', ({ result }) => {
    const { user, workspace } = result as CompletedSetup;
    return {
      workspaceId: workspace.id,
      actorId: user.id,
      target: { type: 'workspace', id: workspace.id },
      detail: { name: workspace.name },
    };
  })
  @ApiOperation({
    summary:
      'Create the first commissioner and workspace with the printed set-up code, and sign in (403 wrong code, 410 when already set up)',
  })
  async complete(
    @Body() body: CompleteSetupDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CompletedSetup> {
    const completed = await this.setup.complete(body);
    setSessionCookie(request, response, completed.token, this.auth.sessionLifetimeMs());
    return completed;
  }
}
