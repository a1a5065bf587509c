import type { EngagementReport } from '@coproduce/domain';
import {
  cohortRows,
  cohortSummary,
  groupsNotYetHeard,
  listInWords,
  monthRows,
  monthSummary,
  statusRows,
  statusSummary,
  themeRows,
  themeSummary,
  typesIn,
} from './report-figures';

describe('reach against the target cohort', () => {
  const report: Pick<EngagementReport, 'reachByAudience'> = {
    reachByAudience: [
      { audience: 'parents-and-carers', ageBand: null, reached: 40, cohort: 100 },
      { audience: 'children-and-young-people', ageBand: '16-18', reached: 0, cohort: 30 },
      { audience: 'children-and-young-people', ageBand: '5-10', reached: 12, cohort: 20 },
      { audience: 'professionals', ageBand: null, reached: 9, cohort: null },
      { audience: 'other', ageBand: null, reached: 0, cohort: null },
    ],
  };

  it('puts groups in reading order with who has not yet been heard, leaving empty ones out', () => {
    expect(cohortRows(report)).toEqual([
      {
        key: 'children-and-young-people:5-10',
        group: 'Children and young people aged 5 to 10 years',
        reached: 12,
        cohort: 20,
        notYetHeard: 8,
      },
      {
        key: 'children-and-young-people:16-18',
        group: 'Children and young people aged 16 to 18 years',
        reached: 0,
        cohort: 30,
        notYetHeard: 30,
      },
      {
        key: 'parents-and-carers:',
        group: 'Parents and carers',
        reached: 40,
        cohort: 100,
        notYetHeard: 60,
      },
      {
        key: 'professionals:',
        group: 'Professionals',
        reached: 9,
        cohort: null,
        notYetHeard: null,
      },
    ]);
    expect(groupsNotYetHeard(cohortRows(report)).map((row) => row.group)).toEqual([
      'Children and young people aged 16 to 18 years',
    ]);
  });

  it('says in one sentence how much of the cohort has been heard and who not at all', () => {
    expect(cohortSummary(cohortRows(report))).toBe(
      '52 of the 150 people in the target cohort have been heard. Not yet heard at all: children and young people aged 16 to 18 years.',
    );
    const allHeard = cohortRows({
      reachByAudience: [
        { audience: 'parents-and-carers', ageBand: null, reached: 40, cohort: 100 },
        { audience: 'professionals', ageBand: null, reached: 30, cohort: 30 },
      ],
    });
    expect(cohortSummary(allHeard)).toBe(
      '70 of the 130 people in the target cohort have been heard. Every group has been heard from; the least heard is parents and carers (40 of 100).',
    );
    expect(
      cohortSummary(
        cohortRows({
          reachByAudience: [{ audience: 'other', ageBand: null, reached: 1, cohort: null }],
        }),
      ),
    ).toBe('1 person has taken part; no target cohort is recorded to compare with.');
  });
});

describe('reach by event type over time', () => {
  const report: Pick<EngagementReport, 'reachByMonth'> = {
    reachByMonth: [
      { month: '2025-03', type: 'drop-in', events: 2, tookPart: 30 },
      { month: '2025-03', type: 'interview', events: 10, tookPart: 10 },
      { month: '2025-06', type: 'market-engagement', events: 1, tookPart: 45 },
      { month: '2025-05', type: 'drop-in', events: 1, tookPart: 12 },
    ],
  };

  it('has every month from first to last, quiet ones at nought, with people by type', () => {
    const rows = monthRows(report);
    expect(rows.map((row) => [row.label, row.events, row.tookPart])).toEqual([
      ['March 2025', 12, 40],
      ['April 2025', 0, 0],
      ['May 2025', 1, 12],
      ['June 2025', 1, 45],
    ]);
    expect(rows[0]!.byType).toEqual({ 'drop-in': 30, interview: 10 });
    expect(typesIn(rows)).toEqual(['drop-in', 'interview', 'market-engagement']);
  });

  it('crosses a year and says the span, the total and the busiest month', () => {
    const rows = monthRows({
      reachByMonth: [
        { month: '2025-11', type: 'survey', events: 1, tookPart: 80 },
        { month: '2026-02', type: 'workshop', events: 1, tookPart: 1 },
      ],
    });
    expect(rows.map((row) => row.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthSummary(monthRows(report))).toBe(
      'From March 2025 to June 2025, 97 people took part in 14 events; the most in one month was 45, in June 2025.',
    );
    expect(monthSummary([])).toBe('No engagement events have been recorded yet.');
  });
});

describe('feedback by theme and by status', () => {
  it('puts the most-raised theme first and names it', () => {
    const rows = themeRows({
      feedbackByTheme: [
        { themeId: 'a', name: 'Advocacy', count: 3, reflected: 1 },
        { themeId: 'w', name: 'Waiting times', count: 12, reflected: 5 },
        { themeId: 'e', name: 'Empty', count: 0, reflected: 0 },
      ],
    });
    expect(rows.map((row) => [row.name, row.reflected, row.notReflected])).toEqual([
      ['Waiting times', 5, 7],
      ['Advocacy', 1, 2],
    ]);
    expect(themeSummary(rows)).toBe(
      'The theme raised most is Waiting times, in 12 feedback items, 5 of them reflected in the specification. There are 2 themes in all.',
    );
  });

  it('has every status in order, with its share, and sums them up in words', () => {
    const rows = statusRows({
      feedbackByStatus: [
        { status: 'reflected', count: 6 },
        { status: 'new', count: 3 },
        { status: 'not-taken-forward', count: 1 },
      ],
    });
    expect(rows.map((row) => [row.status, row.count, row.share])).toEqual([
      ['new', 3, 0.3],
      ['considering', 0, 0],
      ['reflected', 6, 0.6],
      ['not-taken-forward', 1, 0.1],
    ]);
    expect(statusSummary(rows)).toBe(
      'Of 10 feedback items: 6 reflected in the specification (60%), 3 new (30%) and 1 not taken forward (10%).',
    );
    expect(listInWords(['a'])).toBe('a');
  });
});
