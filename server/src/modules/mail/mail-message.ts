/** An email as the app writes it: a few paragraphs and, usually, one thing to do. */
export interface MailContent {
  subject: string;
  /** e.g. "Hello Priya," */
  greeting: string;
  paragraphs: readonly string[];
  action?: { text: string; url: string };
  /** Said after the action, e.g. how long a link works for. */
  after?: readonly string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

const FOOTER = 'Coproduce – co-producing the services we commission, with the people who use them.';

/**
 * The plain-text and HTML bodies of an email in the NHS style: the blue header, Arial,
 * a single green button for the one thing to do, and the link written out in full for
 * anyone whose email program hides buttons. Every piece of text is escaped.
 */
export function renderMail(content: MailContent): RenderedMail {
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.action ? [`${content.action.text}: ${content.action.url}`, ''] : []),
    ...(content.after ?? []).flatMap((paragraph) => [paragraph, '']),
    '--',
    FOOTER,
  ].join('\n');
  const paragraph = (words: string) =>
    `<p style="margin:0 0 16px;font-size:19px;line-height:28px">${escapeHtml(words)}</p>`;
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 16px;background:#007f3b;color:#ffffff;font-weight:bold;font-size:19px;text-decoration:none;border-radius:4px;box-shadow:0 4px 0 #00401e">${escapeHtml(content.action.text)}</a></p>` +
      paragraph('If the button does not work, copy this address into your browser:') +
      `<p style="margin:0 0 16px;font-size:16px;word-break:break-all"><a href="${escapeHtml(content.action.url)}" style="color:#005eb8">${escapeHtml(content.action.url)}</a></p>`
    : '';
  const html = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;background:#f0f4f5;font-family:Arial,Helvetica,sans-serif;color:#212b32">
<div style="background:#005eb8;padding:16px 24px;color:#ffffff;font-size:24px;font-weight:bold">Coproduce</div>
<div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff">
${paragraph(content.greeting)}
${content.paragraphs.map(paragraph).join('\n')}
${action}
${(content.after ?? []).map(paragraph).join('\n')}
</div>
<p style="max-width:640px;margin:16px auto;padding:0 24px;font-size:14px;color:#4c6272">${escapeHtml(FOOTER)}</p>
</body>
</html>
`;
  return { subject: content.subject, text, html };
}
