import { ApiProperty } from '@nestjs/swagger';
import type { CreateSpecificationRequest } from '@coproduce/domain';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLine, trimmed } from '../../../base/validation';

export class CreateSpecificationDto implements CreateSpecificationRequest {
  @ApiProperty({ example: 'Short breaks service for disabled children', maxLength: 200 })
  @Transform(trimmed)
  @MinLength(1, { message: 'Enter a title for the specification.' })
  @MaxLength(200, { message: 'The title must be 200 characters or fewer.' })
  @SingleLine('The title must be on one line.')
  @IsString({ message: 'Enter a title for the specification.' })
  title: string;
}
