import { Injectable, Logger } from '@nestjs/common';
import type { Types } from 'mongoose';
import { AccountsService } from '../accounts/accounts.service';
import { MailService } from '../mail/mail.service';
import { SpecificationsService } from '../specifications/specifications.service';

/** The most of a comment an email quotes: enough to know what it is about. */
const QUOTED_CHARACTERS = 400;

export interface Mention {
  workspaceId: Types.ObjectId;
  specificationId: Types.ObjectId;
  threadId: Types.ObjectId;
  author: { _id: Types.ObjectId; name: string };
  body: string;
  /** Who the comment newly mentions (the author is left out). */
  mentioned: readonly Types.ObjectId[];
}

/**
 * Emails each person a comment @mentions, when the app sends email, with a link to the
 * thread. Never awaited by the request: the comment is stored and shown live already,
 * and a mail server that is slow or down must not hold anyone up.
 */
@Injectable()
export class MentionMail {
  private readonly logger = new Logger(MentionMail.name);

  constructor(
    private readonly mail: MailService,
    private readonly accounts: AccountsService,
    private readonly specifications: SpecificationsService,
  ) {}

  send(mention: Mention): void {
    const mentioned = mention.mentioned.filter((id) => !id.equals(mention.author._id));
    if (!this.mail.enabled || mentioned.length === 0) return;
    void this.sendAll(mention, mentioned).catch((error: unknown) =>
      this.logger.error({ err: error }, 'mention emails could not be sent'),
    );
  }

  private async sendAll(mention: Mention, mentioned: Types.ObjectId[]): Promise<void> {
    const title =
      (await this.specifications.titlesOf([mention.specificationId])).get(
        mention.specificationId.toHexString(),
      ) ?? 'a specification';
    const quoted =
      mention.body.length > QUOTED_CHARACTERS
        ? `${mention.body.slice(0, QUOTED_CHARACTERS).trimEnd()}…`
        : mention.body;
    const path =
      `/workspaces/${mention.workspaceId.toHexString()}/specifications/` +
      `${mention.specificationId.toHexString()}?thread=${mention.threadId.toHexString()}`;
    for (const id of mentioned) {
      const person = await this.accounts.findById(id);
      if (!person) continue;
      await this.mail.send(person.email, {
        subject: `${mention.author.name} mentioned you in a comment`,
        greeting: `Hello ${person.name},`,
        paragraphs: [
          `${mention.author.name} mentioned you in a comment on “${title}”:`,
          `“${quoted}”`,
        ],
        action: { text: 'Read the comment and reply', url: this.mail.link(path) },
        after: ['You get these emails when someone mentions you in a comment in Coproduce.'],
      });
    }
  }
}
