import {
  MAX_ANSWER_LENGTH,
  MAX_QUESTION_LENGTH,
  type AnswerQuestionRequest,
  type AskQuestionRequest,
} from '@coproduce/domain';
import { OptionalText, RequiredText } from '../../../base/text-fields';

export class AskQuestionDto implements AskQuestionRequest {
  @RequiredText('Your question', MAX_QUESTION_LENGTH)
  body: string;

  @OptionalText('The section', 100)
  sectionId?: string;
}

export class AnswerQuestionDto implements AnswerQuestionRequest {
  @RequiredText('The answer', MAX_ANSWER_LENGTH)
  answer: string;
}
