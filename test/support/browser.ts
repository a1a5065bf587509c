// Browser tests drive Debian's Chromium through playwright-core; Playwright never
// downloads a browser of its own.
import type { AxeResults, Result } from 'axe-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { startApp, type RunningApp, type StartOptions } from './app';

export const CHROMIUM_PATH = '/usr/bin/chromium';

let axeSource: string | undefined;

/** WCAG 2.2 AA, as the product promises; best-practice rules are left out on purpose. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser profile (own cookies) whose waits give up after 10 seconds:
 * every step here takes well under a second, so a longer wait only delays the report.
 */
export async function newBrowserContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10_000);
  context.on('page', watchForPageErrors);
  return context;
}

export interface AppInBrowser {
  /** http://127.0.0.1:<port>, once the tests run. */
  readonly url: string;
  /**
   * Gives `use` a page in a fresh browser profile whose relative addresses lead to
   * the app, and closes the profile afterwards whatever happens. Nest calls for
   * several people at once, each with their own cookies.
   */
  withPage(use: (page: Page) => Promise<void>, options?: BrowserContextOptions): Promise<void>;
}

/**
 * Starts the built app and Chromium before the tests of the describe block this is
 * called in, and stops both after them.
 */
/** `options`: how to start the app, read when it starts (after earlier `beforeAll`s have run). */
export function appInBrowser(options: () => StartOptions = () => ({})): AppInBrowser {
  // testTimeout in a project's Jest config is ignored (it is a global option), so set it here:
  // starting the server and driving a real browser take longer than Jest's 5 seconds.
  jest.setTimeout(90_000);
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let launching: Promise<Browser> | undefined;

  beforeAll(async () => {
    launching = launchBrowser();
    // Settle both before failing, so that whichever did start is still stopped afterwards.
    const [started, launched] = await Promise.allSettled([startApp(options()), launching]);
    if (started.status === 'fulfilled') app = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });

  afterAll(async () => {
    // Through `launching`, not `browser`: if the beforeAll timed out while the app was still
    // starting, the browser it launched is closed too, rather than keeping Jest from exiting.
    const launched = await launching?.catch(() => undefined);
    await launched?.close();
    await app?.stop();
  });

  const running = () => {
    if (!app || !browser) throw new Error('The app and the browser are there only inside tests');
    return { app, browser };
  };
  return {
    get url() {
      return running().app.url;
    },
    async withPage(use, options = {}) {
      const { app, browser } = running();
      const context = await newBrowserContext(browser, { baseURL: app.url, ...options });
      try {
        await use(await context.newPage());
      } finally {
        await context.close();
      }
    },
  };
}

/** Uncaught exceptions and Content-Security-Policy refusals seen on each page so far. */
const pageErrors = new WeakMap<Page, string[]>();

function watchForPageErrors(page: Page): void {
  const seen: string[] = [];
  pageErrors.set(page, seen);
  page.on('pageerror', (error) => seen.push(`uncaught ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
      seen.push(message.text());
    }
  });
}

/**
 * Fails when the page threw an uncaught exception or broke its own CSP: either
 * means something a person relies on may silently not work.
 */
export function expectNoPageErrors(page: Page): void {
  const seen = pageErrors.get(page) ?? [];
  if (seen.length > 0) {
    throw new Error(`${page.url()} reported ${seen.length} error(s):\n  ${seen.join('\n  ')}`);
  }
}

/**
 * Runs axe-core's WCAG 2.2 AA rules on the page as it is now and fails with a
 * list a person can act on: rule, impact, help text and the offending elements.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Evaluated over the DevTools protocol rather than added as a <script>: the app's
  // Content-Security-Policy rightly refuses inline scripts, and the test must not weaken it.
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe.run(
        document,
        { runOnly: { type: 'tag', values: tags } },
      ),
    WCAG_TAGS,
  );
  if (results.violations.length > 0) {
    throw new Error(
      `${page.url()} has ${results.violations.length} accessibility violation(s):\n` +
        results.violations.map(describeViolation).join('\n'),
    );
  }
}

function describeViolation(violation: Result): string {
  const targets = violation.nodes
    .slice(0, 5)
    .map((node) =>
      `    at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`.replace(/\n/g, ' '),
    )
    .join('\n');
  return `  - ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n${targets}`;
}

/** Where screenshots of each screen go, for a person to look at. */
export const SCREENSHOT_DIR = join(tmpdir(), 'coproduce-screens');

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
