import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateWorkspaceRequest } from '@coproduce/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { eachTrimmed, SingleLine, trimmed } from '../../../base/validation';

export class CreateWorkspaceDto implements CreateWorkspaceRequest {
  @ApiProperty({ example: 'Short breaks for disabled children', maxLength: 200 })
  @Transform(trimmed)
  @MinLength(1, { message: 'Enter a name for the workspace.' })
  @MaxLength(200, { message: 'The name must be 200 characters or fewer.' })
  @SingleLine('The name must be on one line.')
  @IsString({ message: 'Enter a name for the workspace.' })
  name: string;

  @ApiProperty({ example: 'Disabled children and their families', maxLength: 200 })
  @Transform(trimmed)
  @MinLength(1, { message: 'Enter the service area.' })
  @MaxLength(200, { message: 'The service area must be 200 characters or fewer.' })
  @SingleLine('The service area must be on one line.')
  @IsString({ message: 'Enter the service area.' })
  serviceArea: string;

  @ApiProperty({ example: 'North Riverside Integrated Care Board', maxLength: 200 })
  @Transform(trimmed)
  @MinLength(1, { message: 'Enter the lead organisation.' })
  @MaxLength(200, { message: 'The lead organisation must be 200 characters or fewer.' })
  @SingleLine('The lead organisation must be on one line.')
  @IsString({ message: 'Enter the lead organisation.' })
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
