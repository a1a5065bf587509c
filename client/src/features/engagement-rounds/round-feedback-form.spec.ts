import { feedbackFieldIds, validateRoundFeedback } from './round-feedback-form';

const ids = feedbackFieldIds('heading:2');

describe('recording a change of the engagement copy as feedback', () => {
  it('gives each change its own field ids', () => {
    expect(ids).toEqual({
      status: 'round-feedback-status-heading-2',
      reason: 'round-feedback-reason-heading-2',
      audience: 'round-feedback-audience-heading-2',
    });
  });

  it('needs a reason when it is not taken forward', () => {
    expect(
      validateRoundFeedback(ids, {
        status: 'not-taken-forward',
        reason: '  ',
        audience: 'voluntary-sector-providers',
      }),
    ).toEqual({
      problems: [
        { fieldId: ids.reason, text: 'Enter why this feedback is not being taken forward' },
      ],
    });
    expect(
      validateRoundFeedback(ids, {
        status: 'not-taken-forward',
        reason: ' Outside the budget ',
        audience: 'statutory-providers',
      }),
    ).toEqual({
      problems: [],
      request: {
        status: 'not-taken-forward',
        reason: 'Outside the budget',
        audience: 'statutory-providers',
      },
    });
  });

  it('asks for the status and which providers it came from', () => {
    expect(
      validateRoundFeedback(ids, { status: '', reason: '', audience: '' }).problems.map(
        (problem) => problem.fieldId,
      ),
    ).toEqual([ids.status, ids.audience]);
    expect(
      validateRoundFeedback(ids, { status: 'considering', reason: '', audience: '' }).request,
    ).toBeUndefined();
  });
});
