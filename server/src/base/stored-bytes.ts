/**
 * The bytes of a binary field as read from the database: lean reads give the driver's
 * Binary, hydrated ones a Buffer.
 */
export function storedBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  const binary = value as { buffer?: unknown };
  if (binary && binary.buffer instanceof Uint8Array) return binary.buffer;
  throw new Error('the stored value is not binary');
}
