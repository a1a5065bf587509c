import {
  MAX_VERSION_NAME_LENGTH,
  MAX_VERSION_NOTES_LENGTH,
  type PublishRequest,
} from '@coproduce/domain';
import { OptionalCalendarDate, OptionalText, RequiredText } from '../../../base/text-fields';

export class PublishDto implements PublishRequest {
  @RequiredText('The version’s name', MAX_VERSION_NAME_LENGTH, { oneLine: true })
  name: string;

  @OptionalText('The release notes', MAX_VERSION_NOTES_LENGTH)
  notes: string = '';

  @OptionalCalendarDate('The clarification deadline')
  clarificationDeadline?: string;

  @OptionalCalendarDate('The submission deadline')
  submissionDeadline?: string;
}
