/**
 * The one shape of a presence (an awareness state) in a specification: what the web
 * client writes through Tiptap's collaboration caret (y-prosemirror's cursor plugin) and
 * nothing else. The server refuses any other state before relaying it, and the client
 * checks remote states again before drawing them, because a state that is not this
 * shape makes the editor throw on every render.
 *
 * ```
 * { user?: { name?, color?, role? }, cursor?: null | { anchor, head } }
 * ```
 *
 * `anchor` and `head` are `Y.RelativePosition`s as JSON: `{ type, tname, item, assoc }`,
 * where `type` and `item` are Yjs ids (`{ client, clock }`) or null, and exactly one of
 * `type` (a nested type) and `tname` (a root type) names the type.
 */

/** The colours a caret may be drawn in: six-digit RGB, as y-prosemirror draws them. */
const CARET_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** A claimed name is replaced by the account's on the server; this only bounds it. */
const MAX_CLAIMED_NAME_LENGTH = 200;

/** Root type names are short (the specification's is `default`). */
const MAX_ROOT_TYPE_NAME_LENGTH = 100;

/** Yjs client ids are unsigned 32-bit numbers; clocks count structs. */
const MAX_CLIENT_ID = 0xffffffff;

/** A Yjs id as JSON. */
export interface YjsIdJson {
  client: number;
  clock: number;
}

/** A `Y.RelativePosition` as JSON, exactly as `JSON.stringify` writes one. */
export interface RelativePositionJson {
  type: YjsIdJson | null;
  tname: string | null;
  item: YjsIdJson | null;
  assoc: number;
}

export interface PresenceCursor {
  anchor: RelativePositionJson;
  head: RelativePositionJson;
}

export interface Presence {
  user?: { name?: string; color?: string; role?: string };
  cursor?: PresenceCursor | null;
}

/**
 * Why `state` is not a presence, in words for the person whose client sent it, or null
 * when it is one.
 */
export function presenceProblem(state: unknown): string | null {
  if (!isPlainObject(state)) return 'A presence is an object.';
  const unknown = Object.keys(state).find((key) => key !== 'user' && key !== 'cursor');
  if (unknown !== undefined) return `A presence has only "user" and "cursor", not "${unknown}".`;
  if (state.user !== undefined) {
    const problem = userProblem(state.user);
    if (problem) return problem;
  }
  if (state.cursor !== undefined && state.cursor !== null) {
    const problem = cursorProblem(state.cursor);
    if (problem) return problem;
  }
  return null;
}

/** Whether `state` is a presence of the one shape (see `presenceProblem` for why not). */
export function isPresence(state: unknown): state is Presence {
  return presenceProblem(state) === null;
}

function userProblem(user: unknown): string | null {
  if (!isPlainObject(user)) return 'A presence\'s "user" is an object.';
  for (const [key, value] of Object.entries(user)) {
    switch (key) {
      case 'name':
      case 'role':
        if (typeof value !== 'string' || value.length > MAX_CLAIMED_NAME_LENGTH) {
          return `A presence's user ${key} is text of at most ${MAX_CLAIMED_NAME_LENGTH} characters.`;
        }
        break;
      case 'color':
        if (typeof value !== 'string' || !CARET_COLOUR.test(value)) {
          return 'A presence\'s colour is six-digit RGB, like "#005eb8".';
        }
        break;
      default:
        return `A presence's user has only "name", "color" and "role", not "${key}".`;
    }
  }
  return null;
}

function cursorProblem(cursor: unknown): string | null {
  if (!isPlainObject(cursor) || !hasExactly(cursor, ['anchor', 'head'])) {
    return "A presence's cursor is null or { anchor, head }.";
  }
  if (!isRelativePosition(cursor.anchor) || !isRelativePosition(cursor.head)) {
    return "A presence's cursor anchor and head are Yjs relative positions.";
  }
  return null;
}

function isRelativePosition(position: unknown): position is RelativePositionJson {
  if (!isPlainObject(position) || !hasExactly(position, ['type', 'tname', 'item', 'assoc'])) {
    return false;
  }
  const { type, tname, item, assoc } = position;
  const namesType =
    (type === null && typeof tname === 'string' && validRootName(tname)) ||
    (tname === null && isYjsId(type));
  return namesType && (item === null || isYjsId(item)) && Number.isSafeInteger(assoc);
}

function validRootName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_ROOT_TYPE_NAME_LENGTH;
}

function isYjsId(id: unknown): id is YjsIdJson {
  return (
    isPlainObject(id) &&
    hasExactly(id, ['client', 'clock']) &&
    Number.isInteger(id.client) &&
    (id.client as number) >= 0 &&
    (id.client as number) <= MAX_CLIENT_ID &&
    Number.isSafeInteger(id.clock) &&
    (id.clock as number) >= 0
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
}
