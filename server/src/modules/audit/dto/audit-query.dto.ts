import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_TARGET_TYPES,
  DEFAULT_AUDIT_PAGE_SIZE,
  MAX_AUDIT_PAGE_SIZE,
  type AuditQuery,
  type AuditTargetType,
} from '@coproduce/domain';
import {
  IsIn,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { isCalendarDay } from '../../../base/uk-time';
import { MAX_PAGE, WholeNumberQuery } from '../../../base/paging-fields';

/** "specification.rename", or "specification." for every action that starts so. */
const ACTION = /^[a-z][a-z-]*\.(?:[a-z][a-z-]*(?:\.[a-z][a-z-]*)*\.?)?$/;

const UkDay = (name: 'from' | 'to') => {
  const message = `${name} must be a date like 2027-01-29.`;
  return applyDecorators(
    ApiPropertyOptional({
      example: '2027-01-29',
      description:
        name === 'from'
          ? 'Only what happened on this UK day or later (YYYY-MM-DD)'
          : 'Only what happened on this UK day or earlier (YYYY-MM-DD)',
    }),
    IsOptional(),
    IsString({ message }),
    ValidateBy(
      {
        name: 'isCalendarDay',
        validator: { validate: (value) => typeof value === 'string' && isCalendarDay(value) },
      },
      { message },
    ),
  );
};

/**
 * The audit log's filters and paging (GET …/audit). Each filter narrows the list; `from`
 * and `to` are whole UK days, both included.
 */
export class AuditQueryDto implements AuditQuery {
  @ApiPropertyOptional({ description: 'Only what this person did (their user id)' })
  @IsOptional()
  @IsMongoId({ message: 'actorId must be the id of a person.' })
  @IsString({ message: 'actorId must be the id of a person.' })
  actorId?: string;

  @ApiPropertyOptional({
    example: 'specification.',
    maxLength: 100,
    description:
      'One action (specification.rename), or every action that starts so (specification.)',
  })
  @IsOptional()
  @Matches(ACTION, {
    message:
      'action must be an action such as specification.rename, or the start of some followed by a dot, such as specification.',
  })
  @MaxLength(100, { message: 'action must be 100 characters or fewer.' })
  @IsString({ message: 'action must be text, such as specification.rename.' })
  action?: string;

  @UkDay('from')
  from?: string;

  @UkDay('to')
  to?: string;

  @ApiPropertyOptional({
    enum: AUDIT_TARGET_TYPES,
    description: 'Only changes to this kind of thing',
  })
  @IsOptional()
  @IsIn(AUDIT_TARGET_TYPES, {
    message: `targetType must be one of: ${AUDIT_TARGET_TYPES.join(', ')}.`,
  })
  targetType?: AuditTargetType;

  @ApiPropertyOptional({ description: 'Only changes to this thing (its id)' })
  @IsOptional()
  @IsMongoId({ message: 'targetId must be the id of something in the log.' })
  @IsString({ message: 'targetId must be the id of something in the log.' })
  targetId?: string;

  @WholeNumberQuery('page', MAX_PAGE, 1)
  page?: number;

  @WholeNumberQuery('pageSize', MAX_AUDIT_PAGE_SIZE, DEFAULT_AUDIT_PAGE_SIZE)
  pageSize?: number;

  /** The older name of `pageSize`, kept for whoever still sends it. */
  @WholeNumberQuery('limit', MAX_AUDIT_PAGE_SIZE, DEFAULT_AUDIT_PAGE_SIZE)
  limit?: number;
}
