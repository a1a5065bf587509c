import type { Document } from 'bson';
import type { Engine } from '../engine/engine';
import { CommandError } from './command-error';
import { assertCollectionName } from '../engine/namespace';
import { toNumber, typeRank, TypeRank } from '../engine/bson-order';

export interface CommandContext {
  engine: Engine;
  /** The command's `$db`. */
  db: string;
  connectionId: number;
}

export type CommandHandler = (
  command: Document,
  context: CommandContext,
) => Document | Promise<Document>;

/** The collection a command names as the value of its first field (`{ find: "members" }`). */
export function targetCollection(command: Document, name: string, db: string): string {
  const value = command[name];
  if (typeof value !== 'string') {
    throw new CommandError('InvalidNamespace', `collection name has invalid type ${typeof value}`);
  }
  assertCollectionName(db, value);
  return value;
}

export function optionalDocument(command: Document, field: string): Document | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (typeRank(value) !== TypeRank.object || typeof value !== 'object') {
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${field}' is the wrong type '${Array.isArray(value) ? 'array' : typeof value}', expected type 'object'`,
    );
  }
  return value as Document;
}

export function optionalArray(command: Document, field: string): unknown[] | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${field}' is the wrong type '${typeof value}', expected type 'array'`,
    );
  }
  return value;
}

/** A non-negative whole number (any BSON numeric type), or undefined. */
export function optionalCount(command: Document, field: string): number | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (typeRank(value) !== TypeRank.number) {
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${field}' is the wrong type '${typeof value}', expected types '[long, int, decimal, double]'`,
    );
  }
  const number = toNumber(value);
  if (!Number.isFinite(number) || number < 0) {
    throw new CommandError(
      'BadValue',
      `BSON field '${field}' value must be >= 0, actual value '${number}'`,
    );
  }
  return Math.trunc(number);
}

export function optionalBoolean(command: Document, field: string): boolean | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeRank(value) === TypeRank.number) return toNumber(value) !== 0;
  throw new CommandError(
    'TypeMismatch',
    `BSON field '${field}' is the wrong type '${typeof value}', expected type 'bool'`,
  );
}
