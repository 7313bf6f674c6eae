/**
 * E2E plumbing: build the add-in (or reuse a fresh dist/addin), serve it on 127.0.0.1, bundle the
 * fake Office + Excel for the browser, and launch Debian's chromium through playwright-core with
 * every request that is not to 127.0.0.1 blocked and Office.js's CDN answered by the fakes.
 */
import { execFileSync } from "node:child_process";
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { type Browser, type BrowserContextOptions, type Page, chromium } from "playwright-core";
import type { FakeSheetInput } from "../fake-excel";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist", "addin");
/** The WPS add-in's offline package (the add-in folder, publish.xml, install scripts). */
export const DIST_WPS = join(ROOT, "dist", "wps");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

/** Blocks the thread for `ms` (no timers: the build below is synchronous too). */
function pause(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/addin unless it is newer than every source it is made from. Jest runs the e2e files in
 * parallel workers, so the build holds a lock directory: a second worker waits for the first
 * build (webpack cleans dist/addin, which would pull files from under a running test) and reuses it.
 */
export function ensureBuilt(): void {
  const lock = join(ROOT, "dist", ".addin-build.lock");
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a crashed run is not honoured forever.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      else pause(200);
    }
  }
  try {
    buildIfStale();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function buildIfStale(): void {
  const inputs = ["src", "assets", "manifest.xml", "webpack.config.js", "scripts", "package.json"].map((p) =>
    join(ROOT, p),
  );
  let built = 0;
  try {
    // dist/wps is rewritten by every successful build (webpack skips unchanged files in dist/addin, so
    // their times say nothing), which makes its publish.xml the build's time stamp.
    statSync(join(DIST, "taskpane.html"));
    built = statSync(join(DIST_WPS, "publish.xml")).mtimeMs;
  } catch {
    built = 0;
  }
  if (built > Math.max(...inputs.map(newestMtime))) return;
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"],
    {
      cwd: ROOT,
      stdio: "pipe",
    },
  );
}

/** Bundles tests/fake-excel/browser.ts (or another fake host's browser entry) into one script for the page. */
export async function bundleFakes(entry = "tests/fake-excel/browser.ts"): Promise<string> {
  const webpack = (await import("webpack")).default;
  const out = mkdtempSync(join(tmpdir(), "taizhang-fakes-"));
  await new Promise<void>((resolve, reject) =>
    webpack(
      {
        mode: "development",
        devtool: false,
        target: "web",
        entry: join(ROOT, entry),
        output: { path: out, filename: "fakes.js" },
        resolve: { extensions: [".ts", ".js"] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: "ts-loader",
              options: {
                transpileOnly: true,
                compilerOptions: { module: "esnext", moduleResolution: "bundler" },
              },
            },
          ],
        },
      },
      (err, stats) =>
        err || stats?.hasErrors() ? reject(err ?? new Error(stats!.toString("errors-only"))) : resolve(),
    ),
  );
  return readFileSync(join(out, "fakes.js"), "utf8");
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** A static file server for dist/addin on 127.0.0.1 and a random port. */
export async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^([/\\])+/,
      "",
    );
    const file = join(dir, path);
    if (!file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** A page whose Office.js is the fakes over `workbook`; anything not to 127.0.0.1 is aborted and recorded. */
export async function fakePage(
  browser: Browser,
  fakes: string,
  workbook: { sheets: FakeSheetInput[]; displayLanguage?: string; createWorkbook?: boolean },
): Promise<{ page: Page; blocked: string[]; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const blocked: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // Routes run newest first: the CDN answer is registered after the catch-all block.
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({
      contentType: "application/javascript; charset=utf-8",
      body: `window.__fakeWorkbook = ${JSON.stringify(workbook)};\n${fakes}`,
    }),
  );
  return { page, blocked, errors };
}

/** What one e2e suite shares, set up once before its tests and torn down after them. */
export interface Harness {
  readonly browser: Browser;
  /** The Excel add-in (dist/addin) served on 127.0.0.1. */
  readonly origin: string;
  /** The fake Office + Excel, bundled for the page. */
  readonly fakes: string;
  /** The bundled sample's sheets (seeds/period-2), as the fake workbook's input. */
  readonly sample: FakeSheetInput[];
  /** With `wps`: the fake WPS (ET) bundle. */
  readonly etFakes: string;
  /** With `wps`: the WPS offline package (dist/wps) served on 127.0.0.1. */
  readonly wpsOrigin: string;
  /** With `wps`: the add-in folder inside it (`taizhang_<version>`). */
  readonly wpsFolder: string;
}

/**
 * Registers the suite's `beforeAll`/`afterAll`: builds the add-in when stale, bundles the fakes,
 * serves dist/addin (and dist/wps with `wps`) and launches Chromium. The returned object is filled in
 * by `beforeAll`, so read its fields inside tests and hooks only.
 */
export function useHarness(options: { wps?: boolean } = {}): Harness {
  const h = {} as { -readonly [K in keyof Harness]: Harness[K] };
  const servers: Server[] = [];
  beforeAll(async () => {
    ensureBuilt();
    const { sampleSheets } = await import("./sample");
    [h.fakes, h.etFakes, h.sample] = await Promise.all([
      bundleFakes(),
      options.wps ? bundleFakes("tests/fake-et/browser.ts") : Promise.resolve(""),
      sampleSheets(),
    ]);
    const excel = await serve(DIST);
    servers.push(excel.server);
    h.origin = excel.origin;
    if (options.wps) {
      h.wpsFolder = readdirSync(DIST_WPS).find((n) => /^taizhang_/.test(n)) ?? "";
      const wps = await serve(DIST_WPS);
      servers.push(wps.server);
      h.wpsOrigin = wps.origin;
    }
    h.browser = await launch();
    // Building (when stale) and bundling take minutes on a loaded machine.
  }, 600_000);
  afterAll(async () => {
    await h.browser?.close();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });
  return h;
}

/** One sheet of the fake workbook as plain data (values are the cells the host would hold). */
export interface SheetState {
  name: string;
  visibility: string;
  values: unknown[][];
  formulas: [string, string][];
  /** The product's ownership mark (`TaizhangKind`), or null on a sheet it did not create. */
  kind: string | null;
}

/** The fake workbook's sheets (fake Excel or fake ET: both expose `window.__fake.model`). */
export function sheetsOf(page: Page): Promise<SheetState[]> {
  return page.evaluate(() =>
    (window as any).__fake.model.sheets.map((s: any) => ({
      name: s.name,
      visibility: s.visibility,
      values: Array.from(s.values as unknown[][], (row) => (row ? Array.from(row, (v) => v ?? null) : [])),
      formulas: [...s.formulas.entries()],
      kind: s.names.get("TaizhangKind") ?? null,
    })),
  );
}

/** A page on a fake host, with what it requested, what was refused and the page's errors. */
export interface HostPage {
  page: Page;
  /** Requests that were refused (outside the add-in folder for WPS; not to 127.0.0.1 for Excel). */
  blocked: string[];
  /** Every request made. */
  requested: string[];
  errors: string[];
  /** The add-in's base URL, ending in `/`. */
  base: string;
  /** Opens a page of the add-in (`taskpane.html?…`). */
  open(path: string): Promise<void>;
}

/**
 * A page on the fake WPS host: the fake ET object model injected before the page's scripts (as WPS
 * injects `window.Application`), and only the add-in folder reachable.
 */
export async function wpsPage(
  h: Harness,
  workbook: { sheets: FakeSheetInput[]; et?: object },
  contextOptions: BrowserContextOptions = {},
): Promise<HostPage> {
  const context = await h.browser.newContext(contextOptions);
  const page = await context.newPage();
  const base = `${h.wpsOrigin}/${h.wpsFolder}/`;
  const blocked: string[] = [];
  const requested: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    requested.push(url);
    if (url.startsWith(base)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await page.addInitScript({ content: `window.__fakeWorkbook = ${JSON.stringify(workbook)};\n${h.etFakes}` });
  return {
    page,
    blocked,
    requested,
    errors,
    base,
    open: (path) => page.goto(`${base}${path}`).then(() => {}),
  };
}

/** A page on the fake Excel, in the same shape as {@link wpsPage}'s. */
export async function excelPage(h: Harness, workbook: { sheets: FakeSheetInput[] }): Promise<HostPage> {
  const { page, blocked, errors } = await fakePage(h.browser, h.fakes, workbook);
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  const base = `${h.origin}/`;
  return {
    page,
    blocked,
    requested,
    errors,
    base,
    open: (path) => page.goto(`${base}${path}`).then(() => {}),
  };
}
