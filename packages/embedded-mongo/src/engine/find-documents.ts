import type { Document } from 'bson';
import type { Collection } from './collection';
import { compileFilter } from './mingo-options';
import { compileProjection } from './projection';
import { planQuery, resolveHint, type QueryPlan } from './query-planner';
import { documentComparator, parseSort } from './sort-order';

export interface FindRequest {
  filter?: unknown;
  sort?: unknown;
  projection?: unknown;
  skip?: number;
  limit?: number;
  hint?: unknown;
}

export interface FindExecution {
  plan: QueryPlan;
  /** Documents whose full filter was evaluated (for explain and for the planner's tests). */
  examined: () => number;
  results: Iterator<Document>;
}

/**
 * Matching documents of a collection, lazily: index or collection scan, full
 * filter, then sort (only when the plan does not already deliver the order),
 * skip, limit and projection.
 */
export function findDocuments(
  collection: Collection | undefined,
  request: FindRequest,
): FindExecution {
  const query = compileFilter(request.filter);
  const sort = parseSort(request.sort);
  const project = compileProjection(request.projection, (request.filter ?? {}) as Document);
  const plan: QueryPlan = collection
    ? planQuery(
        collection,
        (request.filter ?? {}) as Document,
        sort,
        resolveHint(collection, request.hint),
      )
    : { sorted: true, candidates: () => [] };
  let examined = 0;
  function* matching(): Generator<Document> {
    for (const doc of plan.candidates()) {
      examined++;
      if (query.test(doc)) yield doc;
    }
  }
  function* ordered(): Generator<Document> {
    if (plan.sorted) {
      yield* matching();
      return;
    }
    const all = [...matching()];
    all.sort(documentComparator(sort));
    yield* all;
  }
  function* paged(): Generator<Document> {
    let toSkip = request.skip ?? 0;
    let remaining = request.limit && request.limit > 0 ? request.limit : Infinity;
    if (remaining === 0) return;
    for (const doc of ordered()) {
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      yield project ? project(doc) : doc;
      if (--remaining <= 0) return;
    }
  }
  return { plan, examined: () => examined, results: paged() };
}
