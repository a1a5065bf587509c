import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type {
  ClarificationQuestion as QuestionView,
  QuestionForCommissioners,
} from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import {
  AlreadyAnswered,
  BadRequest,
  Forbidden,
  NotFound,
  QuestionsClosed,
  VersionWithdrawn,
} from '../../base/errors';
import { AccessPolicy } from '../access/access-policy';
import { WorkspaceRoles } from '../access/workspace-roles';
import { AccountsService } from '../accounts/accounts.service';
import { dayInWords, questionsOpen } from './clarification-deadline';
import { ClarificationQuestion } from './clarification-question.schema';
import type { AskQuestionDto } from './dto/question.dto';
import { PublishingAccess } from './publishing-access';
import type { PublishingCaller } from './publishing-caller';
import { PublishingLive } from './publishing-live';
import { personIn } from './version-views';
import { VersionsService } from './versions.service';
import { AnswerMail } from './answer-mail';

type StoredQuestion = ClarificationQuestion & { _id: Types.ObjectId };

/**
 * Clarification questions: a provider asks on a published version (before its
 * clarification deadline, not on a withdrawn one); the question is the asker's and the
 * commissioners' until answered; once answered, every provider of the workspace reads
 * question and answer, and nothing about who asked reaches anyone but those who answer.
 */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectModel(ClarificationQuestion.name)
    private readonly questions: Model<ClarificationQuestion>,
    private readonly versions: VersionsService,
    private readonly access: PublishingAccess,
    private readonly roles: WorkspaceRoles,
    private readonly accounts: AccountsService,
    private readonly live: PublishingLive,
    private readonly answerMail: AnswerMail,
  ) {}

  async ask(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
    number: number,
    request: AskQuestionDto,
  ): Promise<QuestionView> {
    const version = await this.versions.find(caller, specificationId, number, {
      state: 0,
      html: 0,
      markdown: 0,
    });
    if (!AccessPolicy.can(caller.role, 'clarification.ask')) {
      throw new Forbidden(
        'Providers ask clarification questions; the team answers them on this page.',
      );
    }
    if (version.withdrawal) throw new VersionWithdrawn();
    if (!questionsOpen(version.clarificationDeadline)) {
      throw new QuestionsClosed(dayInWords(version.clarificationDeadline!));
    }
    const section = request.sectionId
      ? version.outline.find((each) => each.id === request.sectionId)
      : undefined;
    if (request.sectionId && !section) {
      throw new BadRequest('That section is not in this version. Choose one from its contents.');
    }
    const organisation = await this.roles.organisationOf(caller.workspaceId, caller.user._id);
    const created = await this.questions.create({
      workspaceId: caller.workspaceId,
      specificationId,
      versionNumber: number,
      sectionId: section?.id ?? null,
      sectionHeading: section?.text ?? null,
      body: request.body,
      askedBy: caller.user._id,
      askedByOrganisation: organisation,
      askedAt: new Date(),
    });
    const question = created.toObject() as StoredQuestion;
    this.live.questionChanged('asked', question);
    return forReader(question, caller.user._id);
  }

  async answer(
    caller: PublishingCaller,
    questionId: Types.ObjectId,
    answer: string,
  ): Promise<QuestionForCommissioners> {
    const question = await this.questions
      .findOne({ _id: questionId, workspaceId: caller.workspaceId })
      .lean<StoredQuestion>()
      .exec();
    if (!question) throw new NotFound('that question');
    const answeredAt = new Date();
    const changed = await this.questions
      .updateOne(
        { _id: questionId, answeredAt: null },
        { $set: { answer, answeredBy: caller.user._id, answeredAt } },
      )
      .exec();
    if (changed.modifiedCount !== 1) throw new AlreadyAnswered();
    const answered = { ...question, answer, answeredBy: caller.user._id, answeredAt };
    this.live.questionChanged('answered', answered);
    this.answerMail.send({
      workspaceId: caller.workspaceId,
      specificationId: question.specificationId,
      versionNumber: question.versionNumber,
      question: question.body,
      answer,
    });
    return (await this.forCommissioners([answered], caller.user._id))[0]!;
  }

  /**
   * For those who answer: every question, with who asked. For everyone else (providers):
   * answered questions, and their own pending ones, with nobody named.
   */
  async list(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
  ): Promise<Array<QuestionView | QuestionForCommissioners>> {
    await this.access.published(caller, specificationId);
    const answers = AccessPolicy.can(caller.role, 'clarification.answer');
    const found = await this.questions
      .find(
        answers
          ? { specificationId }
          : {
              specificationId,
              $or: [{ answeredAt: { $ne: null } }, { askedBy: caller.user._id }],
            },
      )
      .sort({ askedAt: 1 })
      .lean<StoredQuestion[]>()
      .exec();
    return answers
      ? this.forCommissioners(found, caller.user._id)
      : found.map((question) => forReader(question, caller.user._id));
  }

  private async forCommissioners(
    questions: StoredQuestion[],
    callerId: Types.ObjectId,
  ): Promise<QuestionForCommissioners[]> {
    const ids = questions.flatMap((question) => [
      question.askedBy,
      ...(question.answeredBy ? [question.answeredBy] : []),
    ]);
    const found = await this.accounts.findSummaries(ids);
    const people = new Map([...found].map(([id, person]) => [id, { id, name: person.name }]));
    return questions.map((question) => ({
      ...forReader(question, callerId),
      askedBy: {
        ...personIn(people, question.askedBy),
        organisation: question.askedByOrganisation,
      },
      answeredBy: question.answeredBy ? personIn(people, question.answeredBy) : null,
    }));
  }
}

/** A question as anyone may see it: never who asked, only whether it was the caller. */
function forReader(question: StoredQuestion, callerId: Types.ObjectId): QuestionView {
  return {
    id: question._id.toHexString(),
    specificationId: question.specificationId.toHexString(),
    versionNumber: question.versionNumber,
    sectionId: question.sectionId,
    sectionHeading: question.sectionHeading,
    body: question.body,
    status: question.answeredAt ? 'answered' : 'pending',
    askedAt: question.askedAt.toISOString(),
    answer: question.answeredAt ? question.answer : null,
    answeredAt: question.answeredAt?.toISOString() ?? null,
    mine: question.askedBy.equals(callerId),
  };
}
