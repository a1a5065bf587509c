import {
  AGE_BANDS,
  AUDIENCE_NAMES,
  AUDIENCES,
  type AgeBand,
  type Audience,
} from '@coproduce/domain';

/** A name as rows and lookups compare it: no case, punctuation or extra spaces. */
export const fold = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Survey tools' words for who someone is: the API's, the app's, and common short ones. */
const AUDIENCE_WORDS = new Map<string, Audience>([
  ...AUDIENCES.map((audience) => [fold(audience), audience] as const),
  ...AUDIENCES.map((audience) => [fold(AUDIENCE_NAMES[audience]), audience] as const),
  ...(
    [
      ['child', 'children-and-young-people'],
      ['children', 'children-and-young-people'],
      ['young person', 'children-and-young-people'],
      ['young people', 'children-and-young-people'],
      ['parent', 'parents-and-carers'],
      ['parents', 'parents-and-carers'],
      ['carer', 'parents-and-carers'],
      ['carers', 'parents-and-carers'],
      ['parent or carer', 'parents-and-carers'],
      ['professional', 'professionals'],
      ['statutory provider', 'statutory-providers'],
      ['voluntary sector provider', 'voluntary-sector-providers'],
      ['voluntary provider', 'voluntary-sector-providers'],
      ['vcs', 'voluntary-sector-providers'],
      ['vcse', 'voluntary-sector-providers'],
    ] as const
  ).map(([word, audience]) => [fold(word), audience] as const),
]);

/** The audience a cell names, or undefined. */
export const audienceOf = (word: string): Audience | undefined => AUDIENCE_WORDS.get(fold(word));

/** What is wrong with a cell that names no audience, for the row's report. */
export function audienceProblem(word: string): string {
  return word === ''
    ? 'The audience is empty. Say who: children and young people, parents and carers, professionals, statutory providers, voluntary and community sector providers, or other.'
    : `“${word}” is not an audience. Use one of: children and young people, parents and carers, professionals, statutory providers, voluntary and community sector providers, other.`;
}

/** "11-15", "11 to 15", "11–15 years": the age band, or undefined when it is none. */
export function ageBandOf(value: string): AgeBand | undefined {
  const numbers = value.match(/\d+/g);
  if (!numbers || numbers.length !== 2) return undefined;
  const band = `${Number(numbers[0])}-${Number(numbers[1])}`;
  return (AGE_BANDS as readonly string[]).includes(band) ? (band as AgeBand) : undefined;
}

export const ageBandProblem = (word: string) =>
  `“${word}” is not an age band. Use one of: ${AGE_BANDS.join(', ')}.`;

export const AGE_BAND_ONLY_FOR_CHILDREN = 'An age band is only for children and young people.';
