/**
 * `archivedAt` as the API sends it: only on something archived. Left out otherwise, so the
 * shapes DESIGN.md fixes (`{ id, name, role }`, `{ id, title, status }`) stay exactly those.
 */
export function archivedField(at: Date | null | undefined): { archivedAt?: string } {
  return at ? { archivedAt: at.toISOString() } : {};
}
