import { AUDIENCE_NAMES, ageBandName, type AgeBand, type Audience } from '@coproduce/domain';

/** Who said it: "Children and young people aged 11 to 15 years", "Parents and carers". */
export function whoSaidIt(audience: Audience, ageBand: AgeBand | null): string {
  if (audience === 'children-and-young-people' && ageBand) {
    return `Children and young people aged ${ageBandName(ageBand)}`;
  }
  return AUDIENCE_NAMES[audience];
}

/** Their own words in quotation marks; a summary as it is. */
export function quoted(text: string, verbatim: boolean): string {
  return verbatim ? `“${text}”` : text;
}
