import { ApiProperty } from '@nestjs/swagger';
import { MAX_QUOTE_LENGTH, type StartThreadRequest } from '@coproduce/domain';
import { Transform, Type } from 'class-transformer';
import { IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { trimmed } from '../../../base/validation';
import { AnchorDto } from './anchor.dto';
import { CommentBody, Mentions } from './comment-fields';

export class StartThreadDto implements StartThreadRequest {
  @CommentBody()
  body: string;

  @ApiProperty({
    description: 'The selected text, as the person saw it.',
    maxLength: MAX_QUOTE_LENGTH,
  })
  @Transform(trimmed)
  @MinLength(1, { message: 'Select some text to comment on.' })
  @MaxLength(MAX_QUOTE_LENGTH, {
    message: `Select at most ${MAX_QUOTE_LENGTH.toLocaleString('en-GB')} characters to comment on.`,
  })
  @IsString({ message: 'quote must be the selected text.' })
  quote: string;

  @ApiProperty({ type: AnchorDto })
  @ValidateNested()
  @Type(() => AnchorDto)
  @IsObject({ message: 'anchor must be an object with a start and an end. Select the text again.' })
  anchor: AnchorDto;

  @Mentions()
  mentions?: string[];
}
