/**
 * A real browser for the report: Debian's `chromium` (installed by the system's package manager, never downloaded),
 * driven by puppeteer-core. `findChromium` says where it is or why there is none, so tests can skip loudly.
 */
import * as fs from "node:fs";
import type { Browser } from "puppeteer-core";

/** Where the browser is (AICLUSTER_CHROMIUM overrides), or why there is none. */
export function findChromium(): { path: string } | { reason: string } {
  const candidates = [process.env.AICLUSTER_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter((p): p is string => !!p);
  const found = candidates.find((p) => fs.existsSync(p));
  return found ? { path: found } : { reason: `no Chromium at ${candidates.join(", ")} (install Debian's chromium package: apt-get install -y chromium, or set AICLUSTER_CHROMIUM)` };
}

/** Starts headless Chromium. `--no-sandbox`: CI containers run as root, where Chromium's sandbox cannot start. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const puppeteer = await import("puppeteer-core");
  return puppeteer.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
}

/** What a browser saw opening a page: console errors, page errors, failed or network requests. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  /** Requests that left the file (a self-contained report makes none). */
  networkRequests: string[];
}

/** Opens `fileUrl` in a new page and records every problem while it loads. */
export async function openAndWatch(browser: Browser, fileUrl: string, viewport = { width: 1200, height: 900 }) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], networkRequests: [] };
  page.on("console", (m) => { if (m.type() === "error") problems.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => problems.pageErrors.push(String(e)));
  page.on("requestfailed", (r) => problems.failedRequests.push(`${r.url()}: ${r.failure()?.errorText ?? "failed"}`));
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.networkRequests.push(r.url()); });
  await page.goto(fileUrl, { waitUntil: "load" });
  return { page, problems };
}
