/**
 * socket.io delivers binary as a Buffer in Node and as an ArrayBuffer in browsers;
 * both ends of the protocol accept either and reject anything else.
 */
export function toBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return null;
}
