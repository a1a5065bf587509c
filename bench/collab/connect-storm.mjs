// Many clients connecting at the same moment, each to one of a few documents none of
// which is open yet: how long until every one of them is synced.
import { createRequire } from 'node:module';
import { percentile, round } from '../embedded-mongo/latency-stats.mjs';

// The CommonJS build, so that it reads the clients' Y.Docs with their own copy of Yjs.
const require = createRequire(import.meta.url);
const { specificationFragment } = require('@coproduce/specification-document');

export async function connectStorm(target, { clients, documents }) {
  const documentIds = await target.newDocuments(documents);
  const begin = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: clients }, (_, index) =>
      target.openClient(documentIds[index % documents]).then((client) => ({
        client,
        ms: performance.now() - begin,
      })),
    ),
  );
  const allSettledMs = performance.now() - begin;
  const synced = results.filter((result) => result.status === 'fulfilled').map((r) => r.value);
  const failures = results.filter((result) => result.status === 'rejected');
  // A synced client holds the document's content (the template), not an empty replica.
  const withContent = synced.filter(({ client }) => specificationFragment(client.doc).length > 0);
  for (const { client } of synced) client.close();
  const times = synced.map(({ ms }) => ms);
  return {
    clients,
    documents,
    synced: synced.length,
    withTemplateContent: withContent.length,
    failed: failures.length,
    ...(failures.length > 0 ? { firstFailure: String(failures[0].reason) } : {}),
    allSyncedMs: failures.length === 0 ? round(allSettledMs, 1) : null,
    perClientSyncedMs: {
      p50: round(percentile(times, 0.5), 1),
      p99: round(percentile(times, 0.99), 1),
      max: round(percentile(times, 1), 1),
    },
  };
}
