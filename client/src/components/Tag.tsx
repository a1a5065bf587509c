import type { ReactNode } from 'react';

export type TagColour =
  | 'grey'
  | 'green'
  | 'aqua-green'
  | 'blue'
  | 'purple'
  | 'pink'
  | 'red'
  | 'orange'
  | 'yellow'
  | 'white';

export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return (
    <strong className={`nhsuk-tag${colour ? ` nhsuk-tag--${colour}` : ''}`}>{children}</strong>
  );
}
