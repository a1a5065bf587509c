import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../../base/config';
import { renderMail, type MailContent } from './mail-message';

/**
 * The one way the app sends email, through the SMTP server in `SMTP_URL`. Without it the
 * app sends none, and each feature says so where it would have (the invitations form, the
 * forgotten-password page). Links in email start from `PUBLIC_URL`.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | null;
  private readonly from: string;
  private readonly publicUrl: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const smtpUrl = config.get('SMTP_URL', { infer: true });
    this.transport = smtpUrl ? createTransport(smtpUrl) : null;
    this.from = config.get('MAIL_FROM', { infer: true });
    this.publicUrl = (
      config.get('PUBLIC_URL', { infer: true }) ??
      `http://localhost:${config.get('PORT', { infer: true })}`
    ).replace(/\/+$/, '');
  }

  /** Whether email is configured at all. */
  get enabled(): boolean {
    return this.transport !== null;
  }

  /** An address in the app, as a link from an email (`path` starts with "/"). */
  link(path: string): string {
    return `${this.publicUrl}${path}`;
  }

  /**
   * Sends one email; true once the SMTP server has taken it. A server that refuses or
   * does not answer is logged and answered false: the caller decides what to tell people.
   */
  async send(to: string, content: MailContent): Promise<boolean> {
    if (!this.transport) return false;
    const mail = renderMail(content);
    try {
      await this.transport.sendMail({
        from: this.from,
        to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
      return true;
    } catch (error) {
      this.logger.error({ err: error }, `email "${mail.subject}" could not be sent`);
      return false;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
