import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ENGAGEMENT_EVENT_TYPES,
  MAX_EVENT_LIST_ITEMS,
  MAX_EVENT_NOTES_LENGTH,
  MAX_EVENT_TITLE_LENGTH,
  MAX_LIST_ITEM_LENGTH,
  MAX_REACH_COUNT,
  type CreateEngagementEventRequest,
  type EngagementEventType,
  type MarketNoticeText,
} from '@coproduce/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsMongoId,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OptionalText, RequiredText } from '../../../base/text-fields';
import { MAX_REACH_ROWS, NameList, ReachCountDto } from './engagement-fields';

const DATE_TIME = 'must be a date and time like 2027-03-14T10:00:00Z.';

export class MarketNoticeDto implements MarketNoticeText {
  @OptionalText('What the engagement is for', MAX_EVENT_NOTES_LENGTH)
  purpose: string = '';

  @OptionalText('How providers take part', MAX_EVENT_NOTES_LENGTH)
  howToTakePart: string = '';
}

export class CreateEngagementEventDto implements CreateEngagementEventRequest {
  @ApiProperty({ enum: ENGAGEMENT_EVENT_TYPES })
  @IsIn(ENGAGEMENT_EVENT_TYPES, {
    message: `type must be one of: ${ENGAGEMENT_EVENT_TYPES.join(', ')}.`,
  })
  type: EngagementEventType;

  @RequiredText('The event’s title', MAX_EVENT_TITLE_LENGTH, { oneLine: true })
  title: string;

  @ApiProperty({ example: '2027-03-14T10:00:00Z' })
  @IsISO8601({ strict: true }, { message: `startsAt ${DATE_TIME}` })
  startsAt: string;

  @ApiPropertyOptional({ example: '2027-03-14T12:00:00Z', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsISO8601({ strict: true }, { message: `endsAt ${DATE_TIME}` })
  endsAt?: string | null;

  @OptionalText('The place', MAX_LIST_ITEM_LENGTH)
  place?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'online must be true or false.' })
  online?: boolean;

  @NameList('the facilitators')
  facilitators?: string[];

  @NameList('the partner organisations')
  partnerOrganisations?: string[];

  @OptionalText('The notes', MAX_EVENT_NOTES_LENGTH)
  notes?: string;

  @OptionalText('The accessibility notes', MAX_EVENT_NOTES_LENGTH)
  accessibilityNotes?: string;

  @OptionalText('The safeguarding notes', MAX_EVENT_NOTES_LENGTH)
  safeguardingNotes?: string;

  @ApiProperty({ type: [ReachCountDto] })
  @ValidateNested({ each: true })
  @Type(() => ReachCountDto)
  @ArrayMaxSize(MAX_REACH_ROWS, { message: 'reach has more rows than there are audiences.' })
  @IsObject({ each: true, message: 'Each row of reach must be { audience, ageBand?, count }.' })
  @IsArray({ message: 'reach must be a list of { audience, ageBand?, count }.' })
  reach: ReachCountDto[];

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: MAX_REACH_COUNT })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Min(0, { message: 'The total who took part cannot be below 0.' })
  @Max(MAX_REACH_COUNT, { message: 'The total who took part is too large.' })
  @IsInt({ message: 'The total who took part must be a whole number.' })
  tookPart?: number | null;

  @NameList('the attending organisations')
  attendingOrganisations?: string[];

  @ApiPropertyOptional({ type: [String], description: 'User ids of providers who took part' })
  @IsOptional()
  @IsMongoId({ each: true, message: 'Each provider who took part must be a member’s user id.' })
  @ArrayMaxSize(MAX_EVENT_LIST_ITEMS, {
    message: `Name at most ${MAX_EVENT_LIST_ITEMS} providers who took part.`,
  })
  @IsArray({ message: 'providerParticipants must be a list of user ids.' })
  providerParticipants?: string[];

  @ApiPropertyOptional({ type: MarketNoticeDto, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @ValidateNested()
  @Type(() => MarketNoticeDto)
  @IsObject({ message: 'marketNotice must be { purpose, howToTakePart }.' })
  marketNotice?: MarketNoticeDto | null;
}

export class ChangeEngagementEventDto extends PartialType(CreateEngagementEventDto) {}
