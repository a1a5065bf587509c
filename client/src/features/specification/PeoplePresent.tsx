import { useEffect, useState } from 'react';
import { isRole, ROLE_LABELS } from '@coproduce/domain';
import type { Awareness } from '@coproduce/protocol';

interface Presence {
  clientId: number;
  name: string;
  color: string;
  /** Set by the server from the membership, so it can be trusted. */
  roleLabel: string | null;
}

function presentPeople(awareness: Awareness): Presence[] {
  const people: Presence[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { name?: unknown; color?: unknown; role?: unknown } }).user;
    if (typeof user?.name === 'string') {
      people.push({
        clientId,
        name: user.name,
        color: typeof user.color === 'string' ? user.color : '#425563',
        roleLabel: isRole(user.role) ? ROLE_LABELS[user.role] : null,
      });
    }
  });
  return people;
}

/** Who has this specification open right now, from the awareness states. */
export function PeoplePresent({ awareness }: { awareness: Awareness }) {
  const [people, setPeople] = useState(() => presentPeople(awareness));
  useEffect(() => {
    const update = () => setPeople(presentPeople(awareness));
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [awareness]);

  return (
    <div className="coproduce-people">
      <h2 className="nhsuk-heading-xs">Here now</h2>
      <ul className="coproduce-people__list">
        {people.map((person) => (
          <li key={person.clientId} className="coproduce-people__person">
            <span
              className="coproduce-people__avatar"
              style={{ backgroundColor: person.color }}
              aria-hidden="true"
            >
              {person.name.slice(0, 1).toUpperCase()}
            </span>
            <span>
              {person.name}
              {person.clientId === awareness.clientID ? ' (you)' : ''}
              {person.roleLabel && (
                <span className="coproduce-people__role">, {person.roleLabel}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
