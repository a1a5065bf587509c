import { useEffect, useState } from 'react';
import { isRole, ROLE_LABELS, type Role } from '@coproduce/domain';
import type { Awareness } from '@coproduce/protocol';

interface Presence {
  clientId: number;
  name: string;
  color: string;
  /** Set by the server from the membership, so it can be trusted. */
  roleLabel: string | null;
}

/**
 * The server attests name and role on the presence it relays; a person's own presence
 * is never relayed back, so their role is the one their join was answered with.
 */
function presentPeople(awareness: Awareness, yourRole: Role | null): Presence[] {
  const people: Presence[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { name?: unknown; color?: unknown; role?: unknown } }).user;
    if (typeof user?.name === 'string') {
      people.push({
        clientId,
        name: user.name,
        color: typeof user.color === 'string' ? user.color : '#425563',
        roleLabel: roleLabelOf(clientId === awareness.clientID ? yourRole : user.role),
      });
    }
  });
  return people;
}

function roleLabelOf(role: unknown): string | null {
  return isRole(role) ? ROLE_LABELS[role] : null;
}

/** Who has this specification open right now, from the awareness states. */
export function PeoplePresent({
  awareness,
  yourRole,
}: {
  awareness: Awareness;
  yourRole: Role | null;
}) {
  const [people, setPeople] = useState(() => presentPeople(awareness, yourRole));
  useEffect(() => {
    const update = () => setPeople(presentPeople(awareness, yourRole));
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [awareness, yourRole]);

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
