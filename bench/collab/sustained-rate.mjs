// The highest edit rate a server sustains with fan-out p99 at or under a limit: the same
// fleet steps up its rate until p99 passes the limit (or edits go missing), then tries
// halfway points between the last rate that held and the first that did not (halving the
// first rate instead, twice at most, when even that did not hold).
import { runAtRate } from './fan-out.mjs';

export async function findSustainedRate(fleet, { perClientRates, refinements, p99LimitMs, step }) {
  const steps = [];
  const holds = (result) =>
    typeof result.fanOut.p99Ms === 'number' && result.fanOut.p99Ms <= p99LimitMs;
  let held = null;
  let failed = null;
  for (const perClientRate of perClientRates) {
    const result = await runAtRate(fleet, { ...step, perClientRate });
    steps.push(result);
    if (!holds(result)) {
      failed = perClientRate;
      break;
    }
    held = perClientRate;
  }
  // Even the first rate too much (a busy machine): halve it, so the figure is not just 0.
  for (
    let rate = perClientRates[0] / 2;
    held === null && rate >= perClientRates[0] / 4;
    rate /= 2
  ) {
    const result = await runAtRate(fleet, { ...step, perClientRate: rate });
    steps.push(result);
    if (holds(result)) held = rate;
    else failed = rate;
  }
  for (let i = 0; i < refinements && held !== null && failed !== null; i++) {
    const perClientRate = Math.round(Math.sqrt(held * failed) * 10) / 10;
    if (perClientRate <= held || perClientRate >= failed) break;
    const result = await runAtRate(fleet, { ...step, perClientRate });
    steps.push(result);
    if (holds(result)) held = perClientRate;
    else failed = perClientRate;
  }
  const best = steps
    .filter(holds)
    .reduce(
      (top, result) =>
        !top || result.achievedEditsPerSecond > top.achievedEditsPerSecond ? result : top,
      null,
    );
  return {
    p99LimitMs,
    sustainedEditsPerSecond: best ? best.achievedEditsPerSecond : 0,
    /** Null when even the highest rate tried held: the figure is then a lower bound. */
    firstFailingEditsPerSecond: failed === null ? null : failed * fleet.clients.length,
    steps,
  };
}
