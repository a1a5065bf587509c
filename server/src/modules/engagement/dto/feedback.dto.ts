import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FEEDBACK_STATUSES,
  MAX_CLIENT_ID_LENGTH,
  MAX_FEEDBACK_LENGTH,
  MAX_FEEDBACK_LINKS,
  MAX_FEEDBACK_REASON_LENGTH,
  MAX_FEEDBACK_THEMES,
  MAX_LIST_ITEM_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_THEME_NAME_LENGTH,
  type AgeBand,
  type Audience,
  type ChangeFeedbackRequest,
  type CreateFeedbackRequest,
  type FeedbackLinkRequest,
  type FeedbackStatus,
} from '@coproduce/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsMongoId,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OptionalText, RequiredText } from '../../../base/text-fields';
import { eachTrimmed, SingleLine, trimmed } from '../../../base/validation';
import { AnchorDto } from '../../comments/dto/anchor.dto';
import { AgeBandField, AudienceField } from './engagement-fields';

export class FeedbackLinkDto implements FeedbackLinkRequest {
  @ApiProperty()
  @IsMongoId({ message: 'Each link’s specificationId must be a specification’s id.' })
  specificationId: string;

  @ApiPropertyOptional({ type: AnchorDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AnchorDto)
  @IsObject({ message: 'A link’s anchor must be an object with a start and an end.' })
  anchor?: AnchorDto;

  @ApiPropertyOptional({ maxLength: MAX_QUOTE_LENGTH })
  @IsOptional()
  @MaxLength(MAX_QUOTE_LENGTH, {
    message: `Select at most ${MAX_QUOTE_LENGTH.toLocaleString('en-GB')} characters to link.`,
  })
  @IsString({ message: 'A link’s quote must be the selected text.' })
  quote?: string;
}

/**
 * A field a change may leave out: only leaving it out is optional; null is a value, and
 * refused unless the field says it may be null.
 */
const IfGiven = () => ValidateIf((_, value) => value !== undefined);

const Themes = (options: { optional?: boolean } = {}) =>
  applyDecorators(
    (options.optional ? ApiPropertyOptional : ApiProperty)({
      type: [String],
      maxItems: MAX_FEEDBACK_THEMES,
      description: 'Theme ids or names; a new name adds the theme to the workspace’s list',
    }),
    ...(options.optional ? [IfGiven()] : []),
    Transform(eachTrimmed),
    SingleLine('Each theme must be on one line.', { each: true }),
    MinLength(1, { each: true, message: 'A theme must have a name; remove empty ones.' }),
    MaxLength(MAX_THEME_NAME_LENGTH, {
      each: true,
      message: `A theme’s name must be ${MAX_THEME_NAME_LENGTH} characters or fewer.`,
    }),
    IsString({ each: true, message: 'Each theme must be a theme’s id or name.' }),
    ArrayMaxSize(MAX_FEEDBACK_THEMES, {
      message: `Give at most ${MAX_FEEDBACK_THEMES} themes for one piece of feedback.`,
    }),
    IsArray({ message: 'themes must be a list of theme ids or names (it may be empty).' }),
  );

const Links = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [FeedbackLinkDto], maxItems: MAX_FEEDBACK_LINKS }),
    IfGiven(),
    ValidateNested({ each: true }),
    Type(() => FeedbackLinkDto),
    IsObject({ each: true, message: 'Each link must be { specificationId, anchor? }.' }),
    ArrayMaxSize(MAX_FEEDBACK_LINKS, {
      message: `Link one piece of feedback to at most ${MAX_FEEDBACK_LINKS} places.`,
    }),
    IsArray({ message: 'links must be a list of { specificationId, anchor? }.' }),
  );

export class CreateFeedbackDto implements CreateFeedbackRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsMongoId({ message: 'eventId must be an engagement event’s id.' })
  eventId?: string;

  @OptionalText('Where the feedback came from', MAX_LIST_ITEM_LENGTH)
  source?: string;

  @RequiredText('What was said', MAX_FEEDBACK_LENGTH)
  text: string;

  @ApiPropertyOptional({ description: 'True for the person’s own words; false when summarised' })
  @IsOptional()
  @IsBoolean({ message: 'verbatim must be true or false.' })
  verbatim?: boolean;

  @AudienceField()
  audience: Audience;

  @AgeBandField()
  ageBand?: AgeBand;

  @Themes()
  themes: string[];

  @Links()
  links?: FeedbackLinkDto[];

  @ApiPropertyOptional({ maxLength: MAX_CLIENT_ID_LENGTH })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,}$/, {
    message: 'clientId must be at least 8 letters, digits, - or _ (a UUID will do).',
  })
  @MaxLength(MAX_CLIENT_ID_LENGTH, {
    message: `clientId must be ${MAX_CLIENT_ID_LENGTH} characters or fewer.`,
  })
  @IsString({ message: 'clientId must be text.' })
  clientId?: string;
}

export class ChangeFeedbackDto implements ChangeFeedbackRequest {
  @ApiPropertyOptional({ enum: FEEDBACK_STATUSES })
  @IfGiven()
  @IsIn(FEEDBACK_STATUSES, { message: `status must be one of: ${FEEDBACK_STATUSES.join(', ')}.` })
  status?: FeedbackStatus;

  @ApiPropertyOptional({ maxLength: MAX_FEEDBACK_REASON_LENGTH })
  @IfGiven()
  @Transform(trimmed)
  @MaxLength(MAX_FEEDBACK_REASON_LENGTH, {
    message: `The reason must be ${MAX_FEEDBACK_REASON_LENGTH.toLocaleString('en-GB')} characters or fewer.`,
  })
  @IsString({ message: 'The reason must be text.' })
  reason?: string;

  @ApiPropertyOptional({ maxLength: MAX_FEEDBACK_LENGTH })
  @IfGiven()
  @Transform(trimmed)
  @MinLength(1, { message: 'Enter what was said.' })
  @MaxLength(MAX_FEEDBACK_LENGTH, {
    message: `What was said must be ${MAX_FEEDBACK_LENGTH.toLocaleString('en-GB')} characters or fewer.`,
  })
  @IsString({ message: 'What was said must be text.' })
  text?: string;

  @ApiPropertyOptional()
  @IfGiven()
  @IsBoolean({ message: 'verbatim must be true or false.' })
  verbatim?: boolean;

  @AudienceField({ optional: true })
  audience?: Audience;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @AgeBandField()
  ageBand?: AgeBand | null;

  @Themes({ optional: true })
  themes?: string[];

  @Links()
  links?: FeedbackLinkDto[];
}
