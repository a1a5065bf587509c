import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { QuestionForCommissioners } from '@coproduce/domain';
import type { Types } from 'mongoose';
import { Allow } from '../../base/access-rule.decorators';
import { ApiIdParam } from '../../base/api-docs';
import { Audited } from '../../base/audited.decorator';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { CurrentMembership, type RequestMembership } from '../access/workspace-request';
import type { UserDocument } from '../accounts/user.schema';
import { CurrentUser } from '../auth/request-auth';
import { AnswerQuestionDto } from './dto/question.dto';
import { publishingCaller } from './publishing-caller';
import { QuestionsService } from './questions.service';

@ApiTags('publishing')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/questions/:questionId/answer')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Post()
  @HttpCode(200)
  @Allow('clarification.answer')
  @Audited('question.answer', ({ request }) => ({
    target: { type: 'question', id: String(request.params['questionId']) },
  }))
  @ApiOperation({
    summary: 'Answer a question: question and answer go to every provider, without who asked',
  })
  @ApiIdParam('questionId', 'The question')
  answer(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('questionId', new ObjectIdPipe('that question')) questionId: Types.ObjectId,
    @Body() body: AnswerQuestionDto,
  ): Promise<QuestionForCommissioners> {
    return this.questions.answer(publishingCaller(membership, user), questionId, body.answer);
  }
}
