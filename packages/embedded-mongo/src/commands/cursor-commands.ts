import { CommandError } from './command-error';
import { Long } from 'bson';
import { optionalArray, optionalCount, type CommandHandler } from './command-context';
import { toNumber, typeRank, TypeRank } from '../engine/bson-order';

function cursorId(value: unknown): number {
  if (typeRank(value) !== TypeRank.number) {
    throw new CommandError(
      'TypeMismatch',
      "BSON field 'getMore.getMore' is the wrong type, expected type 'long'",
    );
  }
  return toNumber(value);
}

const getMore: CommandHandler = (command, { engine, db }) => {
  const id = cursorId(command.getMore);
  const name = command.collection;
  if (typeof name !== 'string' || name.length === 0) {
    throw new CommandError(
      'TypeMismatch',
      "BSON field 'getMore.collection' must be a non-empty string",
    );
  }
  const batchSize = optionalCount(command, 'batchSize') || undefined;
  return { cursor: engine.cursors.getMore(id, `${db}.${name}`, batchSize), ok: 1 };
};

const killCursors: CommandHandler = (command, { engine }) => {
  if (typeof command.killCursors !== 'string') {
    throw new CommandError('TypeMismatch', "BSON field 'killCursors.killCursors' must be a string");
  }
  const ids = (optionalArray(command, 'cursors') ?? []).map(cursorId);
  const { killed, notFound } = engine.cursors.kill(ids);
  return {
    cursorsKilled: killed.map((id) => Long.fromNumber(id)),
    cursorsNotFound: notFound.map((id) => Long.fromNumber(id)),
    cursorsAlive: [],
    cursorsUnknown: [],
    ok: 1,
  };
};

export const cursorCommands: Record<string, CommandHandler> = { getMore, killCursors };
