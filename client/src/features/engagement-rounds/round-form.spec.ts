import {
  closingValues,
  nextMarketEvent,
  startRoundValues,
  validateRoundChange,
  validateStartRound,
} from './round-form';

const now = new Date('2026-11-20T12:00:00.000Z');

function filled() {
  const values = startRoundValues({ specificationId: 'spec-1', eventId: 'event-1' });
  values.text['round-title'] = '  Shaping the short breaks service ';
  values.text['round-closes-date'] = '2026-12-03';
  values.text['round-closes-time'] = '17:00';
  values.participantIds = ['provider-1', 'provider-2'];
  return values;
}

describe('starting a market engagement round', () => {
  it('becomes the request, closing at the UK time given, names hidden unless chosen', () => {
    expect(validateStartRound(filled(), now)).toEqual({
      problems: [],
      request: {
        specificationId: 'spec-1',
        eventId: 'event-1',
        title: 'Shaping the short breaks service',
        closesAt: '2026-12-03T17:00:00.000Z',
        participantIds: ['provider-1', 'provider-2'],
        namesShown: false,
      },
    });
  });

  it('says what is missing, field by field', () => {
    const { problems, request } = validateStartRound(startRoundValues({}), now);
    expect(request).toBeUndefined();
    expect(problems.map((problem) => problem.fieldId)).toEqual([
      'round-specification',
      'round-event',
      'round-title',
      'round-closes-date',
      'round-closes-time',
      'round-participants',
    ]);
    expect(problems[5]?.text).toBe('Choose at least one provider to take part');
  });

  it('refuses a date that does not exist and a closing time already past', () => {
    const values = filled();
    values.text['round-closes-date'] = '2026-02-30';
    expect(validateStartRound(values, now).problems).toEqual([
      {
        fieldId: 'round-closes-date',
        text: 'Closing date must be a real date, for example 3 12 2026',
      },
    ]);
    values.text['round-closes-date'] = '2026-11-20';
    values.text['round-closes-time'] = '11:59';
    expect(validateStartRound(values, now).problems).toEqual([
      { fieldId: 'round-closes-date', text: 'The closing time must be in the future' },
    ]);
  });
});

describe('changing a round', () => {
  it('shows the closing time in UK time and sends the new one with the names setting', () => {
    // British Summer Time: 16:00 UTC is 17:00 in the UK.
    expect(closingValues({ closesAt: '2027-06-01T16:00:00.000Z' })).toEqual({
      'round-closes-date': '2027-06-01',
      'round-closes-time': '17:00',
    });
    expect(
      validateRoundChange(
        { 'round-closes-date': '2026-12-10', 'round-closes-time': '09:30' },
        true,
        now,
      ),
    ).toEqual({
      problems: [],
      request: { closesAt: '2026-12-10T09:30:00.000Z', namesShown: true },
    });
  });
});

describe('the market engagement event a round is for, when not opened from one', () => {
  it('is the next one still to come, not a past one nor a later one', () => {
    const events = [
      { id: 'past', startsAt: '2026-10-05T09:00:00.000Z' },
      { id: 'later', startsAt: '2027-02-01T09:00:00.000Z' },
      { id: 'next', startsAt: '2026-12-18T10:00:00.000Z' },
    ];
    expect(nextMarketEvent(events, now)?.id).toBe('next');
    expect(nextMarketEvent(events.slice(0, 1), now)).toBeUndefined();
  });
});
