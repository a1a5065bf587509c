import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { CreateSpecificationRequest, RenameSpecificationRequest } from '@coproduce/domain';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLine, trimmed } from '../../../base/validation';

/** A specification's title: one line, 1 to 200 characters. */
const SpecificationTitle = () =>
  applyDecorators(
    ApiProperty({ example: 'Short breaks service for disabled children', maxLength: 200 }),
    Transform(trimmed),
    MinLength(1, { message: 'Enter a title for the specification.' }),
    MaxLength(200, { message: 'The title must be 200 characters or fewer.' }),
    SingleLine('The title must be on one line.'),
    IsString({ message: 'Enter a title for the specification.' }),
  );

export class CreateSpecificationDto implements CreateSpecificationRequest {
  @SpecificationTitle()
  title: string;
}

export class RenameSpecificationDto implements RenameSpecificationRequest {
  @SpecificationTitle()
  title: string;
}
