import type { Document } from 'bson';

/**
 * Field access for documents whose field names are data: `__proto__` or
 * `constructor` must be read and written as the document's own fields, never
 * reach Object.prototype (which would change every object in the process).
 */

export function ownField(target: unknown, key: string): unknown {
  if (target === null || typeof target !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(target, key) ? (target as Document)[key] : undefined;
}

export function setOwnField(target: Document | unknown[], key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    (target as Document)[key] = value;
  }
}
