import type { Role } from '@coproduce/domain';

/**
 * The demo workspace a newcomer sees on first start. It is modelled on
 * real commissioning of key worker services for children and young people
 * in England (see shared/domain); the organisations and people are invented.
 */
export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  /** Who they take part for, as the members table shows it. */
  organisation: string;
}

// The steering group brings ICB commissioning, the council's service knowledge and
// procurement together with experts by experience; a voluntary sector provider reads
// what is published, and the local Healthwatch observes.
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'commissioner@demo.test',
    name: 'Priya Shah',
    role: 'commissioner',
    organisation: 'North Riverside Integrated Care Board',
  },
  {
    email: 'steering@demo.test',
    name: 'Tom Okafor',
    role: 'steering-member',
    organisation: 'Riverside and Vale Commissioning Support Unit',
  },
  {
    email: 'expert@demo.test',
    name: 'Jordan Reid',
    role: 'expert-by-experience',
    organisation: 'Riverside Parent Carer Forum',
  },
  {
    email: 'engagement@demo.test',
    name: 'Aisha Begum',
    role: 'engagement-lead',
    organisation: 'Riverside City Council',
  },
  {
    email: 'provider@demo.test',
    name: 'Chris Morgan',
    role: 'provider',
    organisation: 'Riverside Families Together',
  },
  {
    email: 'observer@demo.test',
    name: 'Helen Wright',
    role: 'observer',
    organisation: 'Healthwatch Riverside',
  },
];

export const DEMO_WORKSPACE = {
  name: 'Key worker service for children and young people',
  serviceArea:
    'Children and young people aged 0 to 25 with a learning disability and/or autism who are rated red or amber on the dynamic support register, or are inpatients',
  leadOrganisation: 'North Riverside Integrated Care Board',
  partnerOrganisations: [
    "Riverside City Council (children's services and SEND)",
    'Riverside and Vale Commissioning Support Unit (procurement)',
  ],
};

export const DEMO_SPECIFICATION_TITLE =
  'Key worker service for children and young people with a learning disability and/or autism';
