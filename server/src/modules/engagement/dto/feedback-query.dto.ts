import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIENCES,
  FEEDBACK_STATUSES,
  MAX_FEEDBACK_PAGE_SIZE,
  type Audience,
  type FeedbackStatus,
} from '@coproduce/domain';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const MAX_PAGE = 100_000;

/** Digits only: Number() would also read "0x10", "1e2" and " 5 " as numbers. */
const wholeNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value;

/** `?eventId=&themeId=&status=&audience=&specificationId=&search=&page=&pageSize=` of GET …/feedback. */
export class FeedbackQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsMongoId({ message: 'eventId must be an engagement event’s id.' })
  eventId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsMongoId({ message: 'themeId must be a theme’s id.' })
  themeId?: string;

  @ApiPropertyOptional({ enum: FEEDBACK_STATUSES })
  @IsOptional()
  @IsIn(FEEDBACK_STATUSES, { message: `status must be one of: ${FEEDBACK_STATUSES.join(', ')}.` })
  status?: FeedbackStatus;

  @ApiPropertyOptional({ enum: AUDIENCES })
  @IsOptional()
  @IsIn(AUDIENCES, { message: `audience must be one of: ${AUDIENCES.join(', ')}.` })
  audience?: Audience;

  @ApiPropertyOptional()
  @IsOptional()
  @IsMongoId({ message: 'specificationId must be a specification’s id.' })
  specificationId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Words the feedback contains' })
  @IsOptional()
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\u0000-\u001f\u007f-\u009f]*$/, {
    message: 'search must be words, without control characters.',
  })
  @MaxLength(200, { message: 'Search for at most 200 characters.' })
  @IsString({ message: 'search must be text.' })
  search?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Transform(wholeNumber)
  @Min(1, { message: 'page must be 1 or more.' })
  @Max(MAX_PAGE, { message: 'page is too large.' })
  @IsInt({ message: 'page must be a whole number.' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FEEDBACK_PAGE_SIZE })
  @IsOptional()
  @Transform(wholeNumber)
  @Min(1, { message: 'pageSize must be 1 or more.' })
  @Max(MAX_FEEDBACK_PAGE_SIZE, { message: `pageSize must be ${MAX_FEEDBACK_PAGE_SIZE} or fewer.` })
  @IsInt({ message: 'pageSize must be a whole number.' })
  pageSize?: number;
}
