import {
  publishRequestFrom,
  TEXT_RULES,
  validatePublish,
  validateText,
} from './validate-publishing';

const filled = {
  'version-name': ' Version for market engagement ',
  'version-notes': ' First version for providers. ',
  'clarification-deadline': '2027-01-12',
  'submission-deadline': '2027-02-26',
};

describe('checking the publish form', () => {
  it('accepts a name with notes and two deadlines in order, and sends them trimmed', () => {
    expect(validatePublish(filled)).toEqual([]);
    expect(publishRequestFrom(filled)).toEqual({
      name: 'Version for market engagement',
      notes: 'First version for providers.',
      clarificationDeadline: '2027-01-12',
      submissionDeadline: '2027-02-26',
    });
  });

  it('leaves blank deadlines out of the request rather than sending them empty', () => {
    const values = { ...filled, 'clarification-deadline': '', 'submission-deadline': ' ' };
    expect(validatePublish(values)).toEqual([]);
    expect(publishRequestFrom(values)).not.toHaveProperty('clarificationDeadline');
    expect(publishRequestFrom(values)).not.toHaveProperty('submissionDeadline');
  });

  it('asks for a name, real dates, and a submission deadline not before questions close', () => {
    expect(validatePublish({ ...filled, 'version-name': '  ' })).toEqual([
      { fieldId: 'version-name', text: 'Enter a name for this version' },
    ]);
    expect(validatePublish({ ...filled, 'clarification-deadline': '2027-02-30' })[0]?.fieldId).toBe(
      'clarification-deadline',
    );
    expect(validatePublish({ ...filled, 'submission-deadline': '2027-01-11' })).toEqual([
      {
        fieldId: 'submission-deadline',
        text: 'Submission deadline must be the same as or after the clarification deadline',
      },
    ]);
    expect(validatePublish({ ...filled, 'version-name': 'x'.repeat(201) })[0]?.text).toBe(
      'Name must be 200 characters or fewer',
    );
  });
});

describe('checking a text that must be given', () => {
  it('asks for it when blank and names the limit when too long', () => {
    expect(validateText('question', '   ', TEXT_RULES.question)).toEqual([
      { fieldId: 'question', text: 'Enter your question' },
    ]);
    expect(validateText('question', 'x'.repeat(5_001), TEXT_RULES.question)).toEqual([
      { fieldId: 'question', text: 'Question must be 5,000 characters or fewer' },
    ]);
    expect(validateText('question', 'Is travel time paid?', TEXT_RULES.question)).toEqual([]);
  });
});
