import 'reflect-metadata';
import { configurationProblems } from './base/config';

// Checked before any Nest module loads, so a bad setting ends start-up with a
// short list naming each variable rather than a stack trace.
const problems = configurationProblems(process.env);
if (problems.length > 0) {
  process.stderr.write(
    `Coproduce could not start because of its configuration:\n${problems.map((p) => `  - ${p}\n`).join('')}`,
  );
  process.exitCode = 1;
} else {
  import('./start.js')
    .then(({ start }) => start())
    .catch(async (error: unknown) => {
      // Nest holds start-up log lines back until the app listens; a failed listen would
      // drop them, warnings included, so let them out before saying why it stopped.
      const { Logger } = await import('@nestjs/common');
      Logger.flush();
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`Coproduce could not start: ${message}\n`);
      process.exit(1);
    });
}
