import { Injectable, Logger } from '@nestjs/common';
import type { Types } from 'mongoose';
import { AccountsService } from '../accounts/accounts.service';
import { WorkspaceRoles } from '../access/workspace-roles';
import { MailService } from '../mail/mail.service';
import { SpecificationsService } from '../specifications/specifications.service';

export interface PublishedAnswer {
  workspaceId: Types.ObjectId;
  specificationId: Types.ObjectId;
  versionNumber: number;
  question: string;
  answer: string;
}

/**
 * Emails every provider of the workspace when a clarification question is answered, as
 * the answer is published to them all: the question and the answer, never who asked.
 * Not awaited by the request that answered.
 */
@Injectable()
export class AnswerMail {
  private readonly logger = new Logger(AnswerMail.name);

  constructor(
    private readonly mail: MailService,
    private readonly roles: WorkspaceRoles,
    private readonly accounts: AccountsService,
    private readonly specifications: SpecificationsService,
  ) {}

  send(answer: PublishedAnswer): void {
    if (!this.mail.enabled) return;
    void this.sendAll(answer).catch((error: unknown) =>
      this.logger.error({ err: error }, 'answer emails could not be sent'),
    );
  }

  private async sendAll(answer: PublishedAnswer): Promise<void> {
    const providers = (await this.roles.membersOf(answer.workspaceId)).filter(
      (member) => member.role === 'provider',
    );
    const title =
      (await this.specifications.titlesOf([answer.specificationId])).get(
        answer.specificationId.toHexString(),
      ) ?? 'a specification';
    const path = `/workspaces/${answer.workspaceId.toHexString()}/specifications/${answer.specificationId.toHexString()}`;
    for (const provider of providers) {
      const person = await this.accounts.findById(provider.userId);
      if (!person) continue;
      await this.mail.send(person.email, {
        subject: `A clarification question on “${title}” has been answered`,
        greeting: `Hello ${person.name},`,
        paragraphs: [
          `The commissioners have answered a clarification question on version ${answer.versionNumber} of “${title}”. Every provider sees the same question and answer; who asked is not shown.`,
          `Question: ${answer.question}`,
          `Answer: ${answer.answer}`,
        ],
        action: { text: 'Read the specification and its answers', url: this.mail.link(path) },
      });
    }
  }
}
