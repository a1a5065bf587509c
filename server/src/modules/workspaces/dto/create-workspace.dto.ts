import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateWorkspaceRequest } from '@coproduce/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { eachTrimmed, SingleLine } from '../../../base/validation';
import { LeadOrganisation, ServiceArea, WorkspaceName } from '../workspace-fields';

export class CreateWorkspaceDto implements CreateWorkspaceRequest {
  @WorkspaceName()
  name: string;

  @ServiceArea()
  serviceArea: string;

  @LeadOrganisation()
  leadOrganisation: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @Transform(eachTrimmed)
  @MaxLength(200, {
    each: true,
    message: 'Each partner organisation name must be 200 characters or fewer.',
  })
  @MinLength(1, { each: true, message: 'A partner organisation name cannot be empty.' })
  @SingleLine('Each partner organisation name must be on one line.', { each: true })
  @IsString({ each: true, message: 'Each partner organisation must be a name.' })
  @ArrayMaxSize(20, { message: 'List at most 20 partner organisations.' })
  @IsArray({ message: 'partnerOrganisations must be a list of names.' })
  partnerOrganisations?: string[];
}

/** `?include=archived` of GET /api/workspaces: archived workspaces too. */
export class WorkspaceListQueryDto {
  @ApiPropertyOptional({ enum: ['archived'], description: 'Also list archived workspaces' })
  @IsOptional()
  @IsIn(['archived'], { message: 'include must be archived (or left out).' })
  include?: 'archived';
}
