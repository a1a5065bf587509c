import type { EngagementEvent } from '@coproduce/domain';
import { eventFormValues, listFromLines, validateEvent, type EventFormValues } from './event-form';

function filled(
  change: Partial<EventFormValues> = {},
  text: Partial<EventFormValues['text']> = {},
) {
  const blank = eventFormValues();
  return {
    ...blank,
    type: 'drop-in' as const,
    reach: { 'children-and-young-people-11-15': '9', 'parents-and-carers': '4' },
    ...change,
    text: {
      ...blank.text,
      'event-title': ' Drop-in at Hillside youth club ',
      'event-date': '2025-06-14',
      'event-time': '14:30',
      'event-end-time': '16:00',
      'event-place': 'Hillside youth club',
      'event-facilitators': 'Sam Patel\n\n  Jo Reed  \n',
      ...text,
    },
  };
}

describe('checking an engagement event', () => {
  it('turns a filled form into the request, times read as UK clocks', () => {
    const { problems, request } = validateEvent(filled(), 'record');
    expect(problems).toEqual([]);
    expect(request).toEqual({
      type: 'drop-in',
      title: 'Drop-in at Hillside youth club',
      startsAt: '2025-06-14T13:30:00.000Z',
      endsAt: '2025-06-14T15:00:00.000Z',
      place: 'Hillside youth club',
      online: false,
      facilitators: ['Sam Patel', 'Jo Reed'],
      partnerOrganisations: [],
      notes: '',
      accessibilityNotes: '',
      safeguardingNotes: '',
      reach: [
        { audience: 'children-and-young-people', ageBand: '11-15', count: 9 },
        { audience: 'parents-and-carers', count: 4 },
      ],
    });
  });

  it('asks for the type, title, date, time and a place or online, each by its field', () => {
    const { problems } = validateEvent(
      filled(
        { type: '' },
        {
          'event-title': ' ',
          'event-date': '',
          'event-time': '',
          'event-end-time': '',
          'event-place': '',
        },
      ),
      'record',
    );
    expect(problems).toEqual([
      { fieldId: 'event-type', text: 'Choose the type of event' },
      { fieldId: 'event-title', text: 'Enter a title for the event' },
      { fieldId: 'event-date', text: 'Enter the date of the event' },
      { fieldId: 'event-time', text: 'Enter the time the event started' },
      { fieldId: 'event-place', text: 'Enter where the event took place, or say it was online' },
    ]);
    expect(
      validateEvent(filled({ online: true }, { 'event-place': '' }), 'record').problems,
    ).toEqual([]);
  });

  it('refuses an end before the start, and dates or times that are not real', () => {
    expect(validateEvent(filled({}, { 'event-end-time': '14:00' }), 'record').problems).toEqual([
      { fieldId: 'event-end-time', text: 'The event must end after it started' },
    ]);
    expect(
      validateEvent(
        filled({}, { 'event-end-date': '2025-06-13', 'event-end-time': '18:00' }),
        'record',
      ).problems,
    ).toEqual([{ fieldId: 'event-end-date', text: 'The event must end after it started' }]);
    expect(validateEvent(filled({}, { 'event-date': '2025-02-30' }), 'record').problems[0]).toEqual(
      {
        fieldId: 'event-date',
        text: 'Date of the event must be a real date, for example 14 6 2025',
      },
    );
    expect(
      validateEvent(filled({}, { 'event-end-date': '2025-06-20', 'event-end-time': '' }), 'record')
        .problems,
    ).toEqual([{ fieldId: 'event-end-time', text: 'Enter the time the event ended' }]);
  });

  it('checks the counts and the total who took part', () => {
    const { problems } = validateEvent(
      filled({ reach: { professionals: 'ten' } }, { 'event-took-part': '4.5' }),
      'record',
    );
    expect(problems.map((problem) => problem.fieldId)).toEqual([
      'reach-professionals',
      'event-took-part',
    ]);
    const { request } = validateEvent(filled({}, { 'event-took-part': '1,200' }), 'record');
    expect(request?.tookPart).toBe(1_200);
  });

  it('keeps market engagement details only for market engagement, and asks for both halves of the notice', () => {
    const market = filled(
      { type: 'market-engagement', providerParticipants: ['provider-1'] },
      {
        'event-attending': 'Brightside CIC\nCounty Care NHS Trust',
        'notice-purpose': 'To hear how providers would run a key worker service.',
      },
    );
    expect(validateEvent(market, 'record').problems).toEqual([
      { fieldId: 'notice-how', text: 'Enter how providers take part, for the notice' },
    ]);
    const { request } = validateEvent(
      { ...market, text: { ...market.text, 'notice-how': 'Register by email.' } },
      'record',
    );
    expect(request).toMatchObject({
      attendingOrganisations: ['Brightside CIC', 'County Care NHS Trust'],
      providerParticipants: ['provider-1'],
      marketNotice: {
        purpose: 'To hear how providers would run a key worker service.',
        howToTakePart: 'Register by email.',
      },
    });
    // A drop-in drops them; changing one clears them, rather than leaving them unsent.
    const dropIn = { ...market, type: 'drop-in' as const };
    expect(validateEvent(dropIn, 'record').request).not.toHaveProperty('attendingOrganisations');
    expect(validateEvent(dropIn, 'change').request).toMatchObject({
      endsAt: '2025-06-14T15:00:00.000Z',
      tookPart: null,
      attendingOrganisations: [],
      providerParticipants: [],
      marketNotice: null,
    });
  });

  it('fills the change form from the event as recorded', () => {
    const event = {
      type: 'workshop',
      title: 'Workshop',
      startsAt: '2025-01-15T10:00:00.000Z',
      endsAt: null,
      place: '',
      online: true,
      facilitators: ['Sam Patel', 'Jo Reed'],
      partnerOrganisations: [],
      notes: '',
      accessibilityNotes: 'Step-free',
      safeguardingNotes: '',
      reach: [{ audience: 'professionals', count: 6 }],
      tookPart: 8,
      attendingOrganisations: [],
      providerParticipants: [],
      marketNotice: null,
    } as unknown as EngagementEvent;
    const values = eventFormValues(event);
    expect(values.text).toMatchObject({
      'event-date': '2025-01-15',
      'event-time': '10:00',
      'event-end-date': '',
      'event-facilitators': 'Sam Patel\nJo Reed',
      'event-took-part': '8',
    });
    expect(values.reach).toEqual({ professionals: '6' });
    expect(listFromLines(' a \r\n\r\nb')).toEqual(['a', 'b']);
  });
});
