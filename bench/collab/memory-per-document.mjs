// Server memory per open document: one connection opens many documents (each holding the
// template) and the server's resident memory is read before and after, from /proc.
import { round } from '../embedded-mongo/latency-stats.mjs';

export async function memoryPerDocument(target, { documents, settleMs }) {
  const [warmUpId, ...documentIds] = await target.newDocuments(documents + 1);
  const connection = await target.openConnection();
  // One document first, so code loaded lazily on first use is not charged to the rest.
  const warmUp = await connection.open(warmUpId);
  await settle(settleMs);
  const before = target.usage();
  const opened = [];
  for (const docId of documentIds) opened.push(await connection.open(docId));
  await settle(settleMs);
  const after = target.usage();
  for (const client of [warmUp, ...opened]) client.leave();
  connection.close();
  const perDocumentKiB = ((after.serverRssMiB - before.serverRssMiB) * 1024) / documents;
  return {
    openDocuments: documents,
    serverRssMiB: [round(before.serverRssMiB, 1), round(after.serverRssMiB, 1)],
    perOpenDocumentKiB: round(perDocumentKiB, 1),
    ...(before.databaseRssMiB === undefined
      ? {}
      : { databaseRssMiB: [round(before.databaseRssMiB, 1), round(after.databaseRssMiB, 1)] }),
  };
}

function settle(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
