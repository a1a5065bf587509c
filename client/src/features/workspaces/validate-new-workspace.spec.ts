import { validateNewWorkspace } from './validate-new-workspace';

describe('starting a workspace', () => {
  it('asks for the name, service area and lead organisation', () => {
    const { problems } = validateNewWorkspace({
      name: ' ',
      serviceArea: '',
      leadOrganisation: 'Riverside ICB',
      partners: '',
    });
    expect(problems.map((problem) => problem.fieldId)).toEqual(['name', 'serviceArea']);
  });

  it('takes partner organisations one a line, blank lines left out', () => {
    const { request } = validateNewWorkspace({
      name: ' Short breaks ',
      serviceArea: 'Disabled children',
      leadOrganisation: 'Riverside ICB',
      partners: 'Riverside City Council\n\n  Parent Carer Forum  \n',
    });
    expect(request).toEqual({
      name: 'Short breaks',
      serviceArea: 'Disabled children',
      leadOrganisation: 'Riverside ICB',
      partnerOrganisations: ['Riverside City Council', 'Parent Carer Forum'],
    });
  });

  it('refuses more than 20 partners', () => {
    const partners = Array.from({ length: 21 }, (_, i) => `Partner ${i}`).join('\n');
    const { problems } = validateNewWorkspace({
      name: 'a',
      serviceArea: 'b',
      leadOrganisation: 'c',
      partners,
    });
    expect(problems[0]?.fieldId).toBe('partners');
  });
});
