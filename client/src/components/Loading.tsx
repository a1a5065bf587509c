/** Announced politely, so screen readers hear that something is on its way. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="nhsuk-body coproduce-loading" role="status">
      Loading {what}…
    </p>
  );
}
