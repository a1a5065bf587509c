import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type ChangeMemberRoleRequest, type Role } from '@coproduce/domain';
import { IsIn } from 'class-validator';

export class ChangeMemberRoleDto implements ChangeMemberRoleRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `Choose a role: one of ${ROLES.join(', ')}.` })
  role: Role;
}
