import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type ChangeMemberRequest, type Role } from '@coproduce/domain';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { MemberOrganisation } from '../workspace-fields';

/** Whether a provider already has an organisation is for the service to say, from what is stored. */
export class ChangeMemberDto implements ChangeMemberRequest {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `Choose a role: one of ${ROLES.join(', ')}.` })
  role?: Role;

  // Validated whenever it is sent, null included: no organisation is ever cleared by accident.
  @ValidateIf((change: ChangeMemberDto) => change.organisation !== undefined)
  @MemberOrganisation()
  organisation?: string;
}
