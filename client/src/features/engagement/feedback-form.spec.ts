import type { FeedbackTheme } from '@coproduce/domain';
import {
  BLANK_FEEDBACK,
  chooseThemes,
  validateFeedback,
  validateStatusChange,
} from './feedback-form';
import { checkThemeName } from './theme-names';

const themes: FeedbackTheme[] = [
  { id: 't-1', name: 'Waiting times', feedbackCount: 3 },
  { id: 't-2', name: 'Transition to adult services', feedbackCount: 1 },
];

const said = {
  ...BLANK_FEEDBACK,
  text: ' I want one person who knows me. ',
  wording: 'verbatim' as const,
  audience: 'children-and-young-people' as const,
  ageBand: '11-15' as const,
  themeIds: ['t-1'],
};

describe('checking new feedback', () => {
  it('turns what was said at an event into the request', () => {
    expect(validateFeedback(said, { eventId: 'e-1', themes })).toEqual({
      problems: [],
      request: {
        eventId: 'e-1',
        text: 'I want one person who knows me.',
        verbatim: true,
        audience: 'children-and-young-people',
        ageBand: '11-15',
        themes: ['t-1'],
      },
    });
  });

  it('asks for the words, how they were written down and who said them', () => {
    expect(validateFeedback(BLANK_FEEDBACK, { eventId: 'e-1', themes }).problems).toEqual([
      { fieldId: 'feedback-text', text: 'Enter what was said' },
      {
        fieldId: 'feedback-wording',
        text: 'Say whether these are their own words or a summary',
      },
      { fieldId: 'feedback-audience', text: 'Choose who said it' },
    ]);
  });

  it('asks where feedback came from when it is not from an event, and sends no age band for adults', () => {
    const fromParent = {
      ...said,
      audience: 'parents-and-carers' as const,
      wording: 'summary' as const,
    };
    expect(validateFeedback(fromParent, { themes }).problems).toEqual([
      {
        fieldId: 'feedback-source',
        text: 'Enter where the feedback came from, for example an email to the commissioner',
      },
    ]);
    expect(
      validateFeedback({ ...fromParent, source: 'Email to the commissioner' }, { themes }).request,
    ).toEqual({
      source: 'Email to the commissioner',
      text: 'I want one person who knows me.',
      verbatim: false,
      audience: 'parents-and-carers',
      themes: ['t-1'],
    });
  });
});

describe('choosing themes', () => {
  const ids = { themes: 'themes', newTheme: 'new-theme' };

  it('adds a typed theme by name, or takes it as the one already on the list', () => {
    expect(chooseThemes(ids, ['t-2'], ' Advocacy ', themes)).toEqual({
      problems: [],
      themes: ['t-2', 'Advocacy'],
    });
    expect(chooseThemes(ids, [], 'waiting TIMES', themes).themes).toEqual(['t-1']);
    expect(chooseThemes(ids, ['t-1'], 'Waiting times', themes).themes).toEqual(['t-1']);
  });

  it('refuses too many themes or a name too long', () => {
    const many = Array.from({ length: 10 }, (_, index) => `t-${index}`);
    expect(chooseThemes(ids, many, 'One more', themes).problems).toEqual([
      { fieldId: 'themes', text: 'Choose 10 themes or fewer' },
    ]);
    expect(chooseThemes(ids, [], 'x'.repeat(81), themes).problems).toEqual([
      { fieldId: 'new-theme', text: 'Theme name must be 80 characters or fewer' },
    ]);
  });

  it('keeps theme names apart from each other when adding or renaming', () => {
    expect(checkThemeName('name', ' waiting times', themes, 'new')).toEqual([
      {
        fieldId: 'name',
        text: 'There is already a theme called Waiting times. Choose another name, or merge the two themes',
      },
    ]);
    expect(checkThemeName('name', 'Waiting Times', themes, 't-1')).toEqual([]);
    expect(checkThemeName('name', '  ', themes, 'new')).toEqual([
      { fieldId: 'name', text: 'Enter a name for the theme' },
    ]);
  });
});

describe('changing the status of feedback', () => {
  const ids = { status: 'status', reason: 'reason' };

  it('needs a reason only when it is not taken forward', () => {
    expect(validateStatusChange(ids, 'reflected', 'ignored')).toEqual({
      problems: [],
      request: { status: 'reflected' },
    });
    expect(validateStatusChange(ids, 'not-taken-forward', ' ').problems).toEqual([
      { fieldId: 'reason', text: 'Enter why this feedback is not being taken forward' },
    ]);
    expect(validateStatusChange(ids, 'not-taken-forward', ' Outside the budget. ').request).toEqual(
      { status: 'not-taken-forward', reason: 'Outside the budget.' },
    );
    expect(validateStatusChange(ids, '', '').problems).toEqual([
      { fieldId: 'status', text: 'Choose a status' },
    ]);
  });
});
