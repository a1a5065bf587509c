import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';

/** A body other than JSON that one route reads, and how large it may be. */
export interface AcceptedBody {
  /**
   * Its media type as `Content-Type` names it, e.g. `text/csv`. A `text/…` body reaches
   * the route as a string (UTF-8 unless the request names another charset), any other as
   * a Buffer.
   */
  type: string;
  /** Anything larger is refused with 413 `payload-too-large` before the route runs. */
  limitBytes: number;
  /**
   * A `text/…` body as its bytes (a Buffer), for a route that works out the encoding
   * itself (a spreadsheet saved as Windows-1252 names no charset).
   */
  bytes?: boolean;
}

export const ACCEPTED_BODY = 'coproduce:accepted-body';

/**
 * Lets one route read a body that is not JSON (a CSV import, a file upload), up to its own
 * limit. Every other route under /api keeps answering such bodies 415, and JSON stays
 * capped at 100 kB everywhere. The route validates what it reads: the JSON screening
 * (`body-screening.ts`) does not look inside these bodies.
 *
 * ```ts
 * @Post('import')
 * @AcceptsBody({ type: 'text/csv', limitBytes: 2_000_000 })
 * import(@Body() csv: string) { … }
 * ```
 */
export const AcceptsBody = (accepted: AcceptedBody) =>
  applyDecorators(SetMetadata(ACCEPTED_BODY, accepted), ApiConsumes(accepted.type));
