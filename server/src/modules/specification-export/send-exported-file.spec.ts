import { asciiFileName, attachmentNamed } from './send-exported-file';

describe('the name of a downloaded file', () => {
  it('is exact in filename*, percent-encoded as RFC 5987 asks', () => {
    expect(attachmentNamed('Zoë’s (draft) plan*.pdf')).toBe(
      `attachment; filename="Zoe's (draft) plan*.pdf"; ` +
        `filename*=UTF-8''Zo%C3%AB%E2%80%99s%20%28draft%29%20plan%2A.pdf`,
    );
  });

  it('falls back to plain ASCII: accents dropped, typography made plain, the rest left out', () => {
    expect(asciiFileName('Children’s wellbeing — “drop-in” £1.2m Siân.docx')).toBe(
      "Children's wellbeing - 'drop-in' GBP1.2m Sian.docx",
    );
    expect(asciiFileName('Gwasanaeth ŵyr 日本.md')).toBe('Gwasanaeth wyr.md');
  });

  it('never leaves a name that is only its extension, or hidden', () => {
    expect(asciiFileName('日本.pdf')).toBe('Specification.pdf');
  });
});
