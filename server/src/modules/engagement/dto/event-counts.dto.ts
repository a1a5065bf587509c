import { ApiProperty } from '@nestjs/swagger';
import {
  COUNT_CHANGES,
  MAX_CLIENT_ID_LENGTH,
  MAX_COUNT_CHANGES_PER_REQUEST,
  type AgeBand,
  type Audience,
  type CountChange,
  type CountChangeValue,
  type RecordCountsRequest,
} from '@coproduce/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AgeBandField, AudienceField } from './engagement-fields';

/** One tap on a device (or its undo). */
export class CountChangeDto implements CountChange {
  @ApiProperty({
    maxLength: MAX_CLIENT_ID_LENGTH,
    description: 'Made by the device, once per change',
  })
  @Matches(/^[A-Za-z0-9_-]{8,}$/, {
    message: 'Each change’s clientId must be at least 8 letters, digits, - or _ (a UUID will do).',
  })
  @MaxLength(MAX_CLIENT_ID_LENGTH, {
    message: `Each change’s clientId must be ${MAX_CLIENT_ID_LENGTH} characters or fewer.`,
  })
  @IsString({ message: 'Each change’s clientId must be text.' })
  clientId: string;

  @AudienceField()
  audience: Audience;

  @AgeBandField()
  ageBand?: AgeBand;

  @ApiProperty({ enum: COUNT_CHANGES, description: '1 for one more person, -1 to undo one' })
  @IsIn(COUNT_CHANGES, {
    message: 'Each change must be 1 (one more person) or -1 (undo one).',
  })
  change: CountChangeValue;
}

export class RecordCountsDto implements RecordCountsRequest {
  @ApiProperty({ type: [CountChangeDto], minItems: 1, maxItems: MAX_COUNT_CHANGES_PER_REQUEST })
  @ValidateNested({ each: true })
  @Type(() => CountChangeDto)
  @ArrayMaxSize(MAX_COUNT_CHANGES_PER_REQUEST, {
    message: `Send at most ${MAX_COUNT_CHANGES_PER_REQUEST} changes at once; send the rest in another request.`,
  })
  @ArrayMinSize(1, { message: 'changes is empty: send at least one change to a count.' })
  @IsObject({
    each: true,
    message: 'Each of changes must be { clientId, audience, ageBand?, change }.',
  })
  @IsArray({ message: 'changes must be a list of { clientId, audience, ageBand?, change }.' })
  changes: CountChangeDto[];
}
