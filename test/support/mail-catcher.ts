// A real SMTP server on a loopback port, started by the test, that keeps every message it
// is sent, parsed, for the test to read back.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  /** smtp://127.0.0.1:<port>, for the app's SMTP_URL. */
  url: string;
  received: ParsedMail[];
  /** The first message to `to` not yet read, waiting for it to arrive. */
  next(to: string, timeoutMs?: number): Promise<ParsedMail>;
  stop(): Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          done();
        },
        (error: Error) => done(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const to = (mail: ParsedMail) =>
    (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((address) =>
      address.value.map((each) => each.address?.toLowerCase()),
    );
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async next(address, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find((mail) => to(mail).includes(address.toLowerCase()));
        if (found) {
          received.splice(received.indexOf(found), 1);
          return found;
        }
        if (Date.now() > deadline) throw new Error(`No email to ${address} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link into the app in an email's plain text. */
export function linkIn(mail: ParsedMail, path: RegExp): string {
  const match = (mail.text ?? '').match(new RegExp(`https?://\\S*${path.source}\\S*`));
  if (!match) throw new Error(`No link matching ${path} in:\n${mail.text}`);
  return match[0];
}
