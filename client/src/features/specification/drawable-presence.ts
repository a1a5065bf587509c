import { Y, isPresence, type Awareness, type PresenceCursor } from '@coproduce/protocol';

/**
 * The awareness the editor draws other people's carets from, seen through a filter: a
 * state the caret plugin cannot draw (not the one shape of a presence, or a cursor that
 * does not resolve in this document) is passed on without its cursor, or not at all.
 * The plugin reads remote cursors on every render and a single bad one makes it throw,
 * which would stop the page showing anyone's edits; the server refuses such states,
 * but the page must not depend on that.
 *
 * Everything else (listeners, the person's own state) goes to the real awareness.
 */
export function drawableAwareness(awareness: Awareness, doc: Y.Doc): Awareness {
  const drawable = (): Map<number, Record<string, unknown>> => {
    const states = new Map<number, Record<string, unknown>>();
    awareness.getStates().forEach((state, clientId) => {
      const shown = clientId === awareness.clientID ? state : drawableState(state, doc);
      if (shown) states.set(clientId, shown);
    });
    return states;
  };
  return new Proxy(awareness, {
    get(target, property, receiver) {
      if (property === 'getStates') return drawable;
      if (property === 'states') return drawable();
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * A remote state as the editor may draw it: the state itself, the state without a cursor
 * that cannot be placed here, or null for a state that is not a presence at all.
 */
export function drawableState(state: unknown, doc: Y.Doc): Record<string, unknown> | null {
  if (!isPresence(state)) return null;
  if (!state.cursor || cursorResolves(state.cursor, doc)) return { ...state };
  return { ...state, cursor: null };
}

function cursorResolves(cursor: PresenceCursor, doc: Y.Doc): boolean {
  try {
    return [cursor.anchor, cursor.head].every((position) => {
      // Resolving a root type by name creates it: only the ones this document has.
      if (position.tname !== null && !doc.share.has(position.tname)) return false;
      const relative = Y.createRelativePositionFromJSON(position);
      return Y.createAbsolutePositionFromRelativePosition(relative, doc) !== null;
    });
  } catch {
    return false;
  }
}
