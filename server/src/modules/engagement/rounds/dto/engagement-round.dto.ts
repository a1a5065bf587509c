import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  FEEDBACK_STATUSES,
  MAX_EVENT_LIST_ITEMS,
  MAX_EVENT_TITLE_LENGTH,
  type FeedbackStatus,
  type RoundFeedbackRequest,
  type RoundRequest,
  type RoundUpdate,
} from '@coproduce/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsMongoId,
  IsOptional,
} from 'class-validator';
import { ChangedText, RequiredText } from '../../../../base/text-fields';
import { ChangeFeedbackDto } from '../../dto/feedback.dto';

const DATE_TIME = 'must be a date and time like 2027-03-14T17:00:00Z.';
const PROVIDER_AUDIENCES = ['statutory-providers', 'voluntary-sector-providers'] as const;

const Participants = (optional: boolean) =>
  applyDecorators(
    ApiProperty({
      type: [String],
      description: 'User ids of providers taking part',
      required: !optional,
    }),
    ...(optional ? [IsOptional()] : []),
    IsMongoId({ each: true, message: 'Each provider taking part must be a member’s user id.' }),
    ArrayMaxSize(MAX_EVENT_LIST_ITEMS, {
      message: `Choose at most ${MAX_EVENT_LIST_ITEMS} providers.`,
    }),
    IsArray({ message: 'participantIds must be a list of user ids.' }),
  );

export class CreateEngagementRoundDto implements RoundRequest {
  @ApiProperty()
  @IsMongoId({ message: 'specificationId must be a specification’s id.' })
  specificationId: string;

  @ApiProperty()
  @IsMongoId({ message: 'eventId must be a market engagement event’s id.' })
  eventId: string;

  @RequiredText('The round’s title', MAX_EVENT_TITLE_LENGTH, { oneLine: true })
  title: string;

  @ApiPropertyOptional({ example: '2027-03-14T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: `opensAt ${DATE_TIME}` })
  opensAt?: string;

  @ApiProperty({ example: '2027-03-28T17:00:00Z' })
  @IsISO8601({ strict: true }, { message: `closesAt ${DATE_TIME}` })
  closesAt: string;

  @Participants(false)
  participantIds: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'namesShown must be true or false.' })
  namesShown?: boolean;
}

export class ChangeEngagementRoundDto implements RoundUpdate {
  @ChangedText('The round’s title', MAX_EVENT_TITLE_LENGTH, { oneLine: true })
  title?: string;

  @ApiPropertyOptional({ example: '2027-03-28T17:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: `closesAt ${DATE_TIME}` })
  closesAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'namesShown must be true or false.' })
  namesShown?: boolean;

  @Participants(true)
  participantIds?: string[];
}

export class RoundFeedbackDto
  extends PickType(ChangeFeedbackDto, ['reason', 'themes'] as const)
  implements RoundFeedbackRequest
{
  @ApiProperty({ enum: FEEDBACK_STATUSES })
  @IsIn(FEEDBACK_STATUSES, { message: `status must be one of: ${FEEDBACK_STATUSES.join(', ')}.` })
  status: FeedbackStatus;

  @ApiPropertyOptional({ enum: PROVIDER_AUDIENCES })
  @IsOptional()
  @IsIn(PROVIDER_AUDIENCES, {
    message: `audience must be one of: ${PROVIDER_AUDIENCES.join(', ')}.`,
  })
  audience?: (typeof PROVIDER_AUDIENCES)[number];
}
