// Real-browser scenarios: Debian's Chromium driven by playwright-core against the real app (API and
// built web, served together over HTTP on 127.0.0.1) on a fresh database.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import axe, { type AxeResults, type ImpactValue, type RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { TestApp, type TestAppOptions } from './test-app';

const REPO_ROOT = path.resolve(__dirname, '../..');
/** The web app as `nx run web:build` leaves it (the e2e test target depends on that build). */
export const WEB_DIST = path.join(REPO_ROOT, 'apps/web/dist');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-artifacts/screenshots');

/**
 * Flags that work on these machines: no sandbox (CI runs as root), no GPU, and none of Chromium's own
 * network traffic (the closed network refuses it). playwright-core gives every launch a fresh, temporary
 * profile (its own --user-data-dir), removed when the browser closes.
 */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const executable = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executable))
    throw new Error(
      `Chromium not found at ${executable}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  return executable;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS, timeout: 60_000 });
}

/** One browser scenario: the real app listening on a random port, a browser, and a fresh context per `newPage`. */
export class WebTest {
  private constructor(
    readonly app: TestApp,
    readonly baseUrl: string,
    readonly browser: Browser,
  ) {}

  private readonly contexts: BrowserContext[] = [];

  static async start(now?: string, options: Omit<TestAppOptions, 'webDist'> = {}): Promise<WebTest> {
    if (!existsSync(path.join(WEB_DIST, 'index.html')))
      throw new Error(`No built web app in ${WEB_DIST}: run \`npx nx run web:build\` first`);
    const app = await TestApp.start(now, { ...options, webDist: WEB_DIST });
    try {
      const baseUrl = await app.listen();
      return new WebTest(app, baseUrl, await launchBrowser());
    } catch (error) {
      await app.stop();
      throw error;
    }
  }

  /** A page in its own context (own cookies and storage), in Chinese like the app's users. */
  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 800 },
      // Charts then draw at once (no animation), so screenshots show them finished.
      reducedMotion: 'reduce',
      // axe-core is injected as an inline script, which the app's Content-Security-Policy forbids.
      bypassCSP: true,
    });
    context.setDefaultTimeout(15_000);
    this.contexts.push(context);
    return context.newPage();
  }

  /** A new page signed in through the login form, on the queue; the page's clock fixed at `now` if given. */
  async signIn(username: string, password: string, now?: string): Promise<Page> {
    const page = await this.newPage();
    if (now) await page.clock.setFixedTime(new Date(now));
    await page.goto('/login');
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '工单队列' }).waitFor();
    return page;
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.app.stop();
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const FAILING_IMPACTS: ReadonlySet<ImpactValue> = new Set<ImpactValue>(['serious', 'critical']);

/**
 * A violation that is known, tracked and deliberately let through for now: `rule` on elements matching
 * the CSS `selector`. Everything else serious or critical still fails. Remove the entry once fixed.
 */
export interface KnownA11yIssue {
  rule: string;
  selector: string;
  reason: string;
}

interface Finding {
  rule: string;
  impact: ImpactValue | null;
  help: string;
  target: string;
  summary: string;
  known: string | null;
}

/**
 * Closes every open antd Select list. A list can open again when its options arrive after the
 * choice was made (a library loading for a new shop), so it presses Escape until none stays open.
 */
export async function closeSelectLists(page: Page): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 0; attempt < 5 && (await open.count()) > 0; attempt++) {
    await page.keyboard.press('Escape');
    await open
      .first()
      .waitFor({ state: 'detached', timeout: 2_000 })
      .catch(() => undefined);
  }
  if ((await open.count()) > 0) throw new Error('A Select list stayed open after pressing Escape five times');
}

/**
 * Waits until no finite CSS transition or animation is running. antd fades overlays (the table's
 * loading veil, a ::after pseudo-element) for 0.3 s; while one is visible axe cannot tell the background
 * colour and reports colour contrast as "incomplete" instead of checking it.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    interface Running {
      playState: string;
      effect: { getComputedTiming(): { endTime?: number | string } } | null;
    }
    const document = (globalThis as unknown as { document: { getAnimations(): Running[] } }).document;
    return document
      .getAnimations()
      .every(
        (animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity,
      );
  });
}

/**
 * An element antd is fading in or out (its motion classes: a toast leaving after its 3 s) is part transparent by
 * design; such an animation can start while axe runs, after settleAnimations, and read as low contrast.
 */
const IN_MOTION = /\.ant-[\w-]+-(?:enter|appear|leave)\b/;

/** Runs axe-core in the page (WCAG 2.1 A/AA rules) and fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(
  page: Page,
  options: { knownIssues?: KnownA11yIssue[] } = {},
): Promise<void> {
  await settleAnimations(page);
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: axe.source });
  const runOptions: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };
  const findings = await page.evaluate(
    async ({ runOptions, knownIssues }) => {
      // Runs in the page: the DOM types are not in this project's lib, hence the narrow shapes below.
      interface Element {
        matches(selector: string): boolean;
      }
      const page = globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<AxeResults> };
        document: { querySelector(selector: string): Element | null };
      };
      const results = await page.axe.run(page.document, runOptions);
      return results.violations.flatMap((violation) =>
        violation.nodes.map((node): Finding => {
          const target = node.target.join(' ');
          const element = node.target.length === 1 ? page.document.querySelector(target) : null;
          const known = knownIssues.find((issue) => issue.rule === violation.id && element?.matches(issue.selector));
          return {
            rule: violation.id,
            impact: violation.impact ?? null,
            help: violation.help,
            target,
            summary: node.failureSummary ?? '',
            known: known?.reason ?? null,
          };
        }),
      );
    },
    { runOptions, knownIssues: options.knownIssues ?? [] },
  );
  const serious = findings.filter(
    (finding) => finding.impact !== null && FAILING_IMPACTS.has(finding.impact) && !IN_MOTION.test(finding.target),
  );
  const describe = (finding: Finding) =>
    `  ${finding.rule} (${finding.impact}) ${finding.target}: ${finding.help} — ${oneLine(finding.summary)}`;
  const tolerated = serious.filter((finding) => finding.known !== null);
  if (tolerated.length > 0)
    console.warn(
      `Known accessibility issues on ${page.url()} (let through, still to fix):\n` +
        tolerated.map((finding) => `${describe(finding)} [${finding.known}]`).join('\n'),
    );
  const failing = serious.filter((finding) => finding.known === null);
  if (failing.length > 0)
    throw new Error(`Accessibility violations on ${page.url()}:\n${failing.map(describe).join('\n')}`);
}

/** Saves a full-page PNG to test-artifacts/screenshots/<name>.png (git-ignored); returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
