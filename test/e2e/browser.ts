/**
 * Debian's Chromium, headless, driven by playwright-core: a fresh profile each run, no background
 * networking, and every request that does not go to the local server is refused (the pane must not need
 * the network).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface Browser {
  context: BrowserContext;
  /** Requests the pane made to anywhere but `allowed`. */
  blocked: string[];
  /** The browser's profile folder (it names the browser's processes). */
  profile: string;
  close(): Promise<void>;
}

export async function launch(
  allowed: string,
  options: { colorScheme?: "light" | "dark"; locale?: string } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "loyalty-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // performance.memory in exact figures, for the peak heap the benchmark prints.
      "--enable-precise-memory-info",
    ],
    viewport: { width: 400, height: 900 },
    colorScheme: options.colorScheme ?? "light",
    locale: options.locale ?? "en-US",
  });
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(allowed) || url.startsWith("data:") || url.startsWith("blob:"))
      return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return {
    context,
    blocked,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
