import { checkFeedback } from './feedback-draft';

describe('what someone said, checked before it is kept', () => {
  it('needs who said it and their words, trimmed; themes and own words are optional', () => {
    expect(
      checkFeedback({
        audience: 'professionals',
        themes: [],
        text: '  Fewer forms.  ',
        verbatim: false,
      }),
    ).toEqual({
      ok: true,
      feedback: { audience: 'professionals', themes: [], text: 'Fewer forms.', verbatim: false },
    });
  });

  it('names each thing missing, linked to its field', () => {
    expect(checkFeedback({ audience: null, themes: [], text: '   ', verbatim: true })).toEqual({
      ok: false,
      problems: [
        { text: 'Choose who said it', fieldId: 'drop-in-audience' },
        { text: 'Enter what they said', fieldId: 'drop-in-text' },
      ],
    });
  });

  it('refuses words longer than the server keeps', () => {
    const checked = checkFeedback({
      audience: 'other',
      themes: [],
      text: 'a'.repeat(10_001),
      verbatim: false,
    });
    expect(checked).toMatchObject({ ok: false, problems: [{ fieldId: 'drop-in-text' }] });
  });
});
