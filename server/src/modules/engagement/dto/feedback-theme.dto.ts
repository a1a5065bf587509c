import { ApiProperty } from '@nestjs/swagger';
import {
  MAX_THEME_NAME_LENGTH,
  type FeedbackThemeRequest,
  type MergeFeedbackThemeRequest,
} from '@coproduce/domain';
import { IsMongoId } from 'class-validator';
import { RequiredText } from '../../../base/text-fields';

export class FeedbackThemeDto implements FeedbackThemeRequest {
  @RequiredText('The theme’s name', MAX_THEME_NAME_LENGTH, { oneLine: true })
  name: string;
}

export class MergeFeedbackThemeDto implements MergeFeedbackThemeRequest {
  @ApiProperty({ description: 'The theme that keeps its name and takes this one’s feedback' })
  @IsMongoId({ message: 'intoThemeId must be a theme’s id.' })
  intoThemeId: string;
}
