import type { Role, ThreadStatus } from '@coproduce/domain';

export interface DemoComment {
  by: Role;
  body: string;
  /** Roles the comment @mentions. */
  mentions?: Role[];
  /** How long before the seed ran it was written. */
  hoursAgo: number;
}

export interface DemoThread {
  /** Words of the demo specification's text the thread is anchored to (their first appearance). */
  words: string;
  status: ThreadStatus;
  /** For a resolved thread: who resolved it. */
  resolvedBy?: Role;
  comments: DemoComment[];
}

/**
 * The conversations a newcomer finds on the demo draft: an expert by experience
 * asking about jargon, a steering member proposing wording, and one thread already
 * settled. The words are the demo text's (demo-specification-content.ts).
 */
export const DEMO_THREADS: readonly DemoThread[] = [
  {
    words: 'dynamic support register',
    status: 'open',
    comments: [
      {
        by: 'expert-by-experience',
        body: 'What does "dynamic support register" mean? I have been a parent carer for twelve years and I had never heard of it until this group. Most families will not know either.',
        hoursAgo: 50,
      },
      {
        by: 'commissioner',
        body: 'It is a list the NHS and the council keep, with the family’s agreement, of children and young people with a learning disability or autism who might otherwise end up in hospital. Red means they need help urgently, amber that they could soon. Being on it is how families get help early. I will add a plain-language explanation the first time it appears.',
        hoursAgo: 46,
      },
    ],
  },
  {
    words: 'one named person who gets to know them',
    status: 'open',
    comments: [
      {
        by: 'steering-member',
        body: 'Proposed wording: "one named person who gets to know them and stays with them". Families told us again and again that changing workers is the hardest part. Aisha, does that match what you heard at the drop-ins?',
        mentions: ['engagement-lead'],
        hoursAgo: 30,
      },
      {
        by: 'engagement-lead',
        body: 'Yes. It came up at every drop-in session and in most of the interviews. "Stays with them" is the phrase parents used themselves.',
        hoursAgo: 26,
      },
    ],
  },
  {
    words: 'The contract is for five years from the day the service starts.',
    status: 'resolved',
    resolvedBy: 'commissioner',
    comments: [
      {
        by: 'steering-member',
        body: 'Should this say that the contract can be extended by two years and then two more (5 + 2 + 2), as the delegated authority allows?',
        hoursAgo: 72,
      },
      {
        by: 'commissioner',
        body: 'Good catch. The extension options belong in the contract itself, not the service description, so I have noted them there. Resolving.',
        hoursAgo: 70,
      },
    ],
  },
];
