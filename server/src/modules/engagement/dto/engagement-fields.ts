import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_BANDS,
  AUDIENCES,
  MAX_EVENT_LIST_ITEMS,
  MAX_LIST_ITEM_LENGTH,
  MAX_REACH_COUNT,
  type AgeBand,
  type Audience,
  type ReachCount,
} from '@coproduce/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { eachTrimmed, SingleLine } from '../../../base/validation';

/** One row per audience; children and young people once per age band and once without. */
export const MAX_REACH_ROWS = AUDIENCES.length + AGE_BANDS.length;

const count = (n: number) => n.toLocaleString('en-GB');

/** A list of one-line names (facilitators, organisations): each trimmed, not empty. */
export const NameList = (what: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: MAX_EVENT_LIST_ITEMS }),
    IsOptional(),
    Transform(eachTrimmed),
    SingleLine(`Each of ${what} must be on one line.`, { each: true }),
    MinLength(1, { each: true, message: `Each of ${what} must have a name; remove empty ones.` }),
    MaxLength(MAX_LIST_ITEM_LENGTH, {
      each: true,
      message: `Each of ${what} must be ${count(MAX_LIST_ITEM_LENGTH)} characters or fewer.`,
    }),
    IsString({ each: true, message: `Each of ${what} must be text.` }),
    ArrayMaxSize(MAX_EVENT_LIST_ITEMS, {
      message: `Give at most ${MAX_EVENT_LIST_ITEMS} ${what}.`,
    }),
    IsArray({ message: `${what} must be a list.` }),
  );

export const AudienceField = (options: { optional?: boolean } = {}) =>
  applyDecorators(
    (options.optional ? ApiPropertyOptional : ApiProperty)({ enum: AUDIENCES }),
    // Left out, or else one of the list: null is no audience.
    ...(options.optional ? [ValidateIf((_, value) => value !== undefined)] : []),
    IsIn(AUDIENCES, { message: `audience must be one of: ${AUDIENCES.join(', ')}.` }),
  );

export const AgeBandField = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: AGE_BANDS, description: 'For children and young people only' }),
    IsOptional(),
    IsIn(AGE_BANDS, { message: `ageBand must be one of: ${AGE_BANDS.join(', ')}.` }),
  );

/** A count of people in one audience (and age band). */
export class ReachCountDto implements ReachCount {
  @AudienceField()
  audience: Audience;

  @AgeBandField()
  ageBand?: AgeBand;

  @ApiProperty({ minimum: 0, maximum: MAX_REACH_COUNT })
  @Min(0, { message: 'A count of people cannot be below 0.' })
  @Max(MAX_REACH_COUNT, {
    message: `A count of people must be ${count(MAX_REACH_COUNT)} or fewer.`,
  })
  @IsInt({ message: 'A count of people must be a whole number.' })
  count: number;
}
