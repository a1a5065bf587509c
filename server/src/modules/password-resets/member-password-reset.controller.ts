import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IssuedPasswordReset } from '@coproduce/domain';
import type { Types } from 'mongoose';
import { Allow } from '../../base/access-rule.decorators';
import { ApiIdParam } from '../../base/api-docs';
import { Audited } from '../../base/audited.decorator';
import { NotFound } from '../../base/errors';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { CurrentMembership, type RequestMembership } from '../access/workspace-request';
import { WorkspaceRoles } from '../access/workspace-roles';
import { AccountsService } from '../accounts/accounts.service';
import type { UserDocument } from '../accounts/user.schema';
import { CurrentUser } from '../auth/request-auth';
import { PasswordResetsService } from './password-resets.service';

/** A commissioner gets a member who is locked out back in. */
@ApiTags('members')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/members/:userId/password-reset')
export class MemberPasswordResetController {
  constructor(
    private readonly resets: PasswordResetsService,
    private readonly roles: WorkspaceRoles,
    private readonly accounts: AccountsService,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow('member.reset-password')
  @Audited('member.password-reset', ({ request, result }) => ({
    target: { type: 'member', id: String(request.params['userId']) },
    detail: { emailed: (result as IssuedPasswordReset).emailed ? 'yes' : 'no' },
  }))
  @ApiOperation({
    summary:
      'A single-use link (1 hour) for a member to choose a new password; emailed to them when email is configured',
  })
  @ApiIdParam('userId', 'The member (their user id)')
  async issue(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() commissioner: UserDocument,
    @Param('userId', new ObjectIdPipe('that member')) userId: Types.ObjectId,
  ): Promise<IssuedPasswordReset> {
    const role = await this.roles.findRole(membership.workspaceId, userId);
    const member = role ? await this.accounts.findById(userId) : null;
    if (!member) throw new NotFound('that member');
    return this.resets.issueForMember(member, commissioner);
  }
}
