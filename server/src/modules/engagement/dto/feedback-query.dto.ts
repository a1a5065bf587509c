import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIENCES,
  FEEDBACK_STATUSES,
  MAX_FEEDBACK_PAGE_SIZE,
  type Audience,
  type FeedbackStatus,
} from '@coproduce/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsMongoId, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

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
  @MaxLength(200, { message: 'Search for at most 200 characters.' })
  @IsString({ message: 'search must be text.' })
  search?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: 'page must be 1 or more.' })
  @Max(100_000, { message: 'page is too large.' })
  @IsInt({ message: 'page must be a whole number.' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FEEDBACK_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: 'pageSize must be 1 or more.' })
  @Max(MAX_FEEDBACK_PAGE_SIZE, { message: `pageSize must be ${MAX_FEEDBACK_PAGE_SIZE} or fewer.` })
  @IsInt({ message: 'pageSize must be a whole number.' })
  pageSize?: number;
}
