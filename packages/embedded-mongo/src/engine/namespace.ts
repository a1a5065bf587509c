import { valueText } from './value-text';
import { CommandError } from '../commands/command-error';

/** Database names as mongod accepts them (no separators or quoting characters). */
export function assertDatabaseName(name: unknown): asserts name is string {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length > 63 ||
    /[/\\. "$*<>:|?\0]/.test(name)
  ) {
    throw new CommandError('InvalidNamespace', `Invalid database name: ${valueText(name)}`);
  }
}

/** Collection names as mongod accepts them for user data. */
export function assertCollectionName(db: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new CommandError(
      'InvalidNamespace',
      `Invalid namespace specified '${db}.${valueText(name)}'`,
    );
  }
  if (
    name.includes('$') ||
    name.includes('\0') ||
    name.startsWith('.') ||
    name.startsWith('system.')
  ) {
    throw new CommandError('InvalidNamespace', `Invalid collection name: ${name}`);
  }
}
