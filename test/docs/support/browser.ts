// Real headless Chromium for the docs tests: the build inside the @sparticuz/chromium dev dependency,
// so `npm ci` is all a fresh machine needs (no system browser), driven by puppeteer-core, each launch
// with a fresh profile and nothing that talks to the network. CHROMIUM_PATH picks another browser.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer, { type Browser } from "puppeteer-core";
import { repoRoot } from "../../support/output.js";

export interface OpenBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/** The package's folder (its `exports` hide package.json from require.resolve). */
const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.resolve("@sparticuz/chromium"))), "..");

/**
 * The packaged browser, unpacked once per package version into node_modules/.cache. The package
 * unpacks into `os.tmpdir()`, shared by every project on the machine; a child process with its own
 * TMPDIR unpacks into a private folder, renamed into place whole, so a half-written binary is never
 * launched.
 */
function packagedChromium(): { executable: string; fontsConfig: string } {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`the packaged Chromium (@sparticuz/chromium) is built for Linux x64, not ${process.platform} ${process.arch}: set CHROMIUM_PATH to a Chrome or Chromium executable`);
  }
  const { version } = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string };
  const home = join(repoRoot, "node_modules/.cache/graphgen-chromium", version);
  const found = { executable: join(home, "chromium"), fontsConfig: join(home, "graphgen-fonts.conf") };
  if (existsSync(found.fontsConfig)) return found;
  mkdirSync(dirname(home), { recursive: true });
  const partial = mkdtempSync(`${home}.partial-`);
  execFileSync(process.execPath, ["--input-type=module", "-e", 'import chromium from "@sparticuz/chromium"; await chromium.executablePath();'], {
    cwd: repoRoot,
    env: { ...process.env, TMPDIR: partial },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // The package's own fonts.conf names /tmp/fonts; this one names where the fonts are, and the system's.
  writeFileSync(join(partial, "graphgen-fonts.conf"), `<?xml version="1.0"?>\n<fontconfig>\n  <dir>${join(home, "fonts/fonts")}</dir>\n  <dir>/usr/share/fonts</dir>\n</fontconfig>\n`);
  try {
    renameSync(partial, home);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(found.fontsConfig)) throw error; // not another run that unpacked it first
  }
  return found;
}

export async function launchChromium(): Promise<OpenBrowser> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen !== undefined && !existsSync(chosen)) throw new Error(`CHROMIUM_PATH names ${chosen}, which does not exist: unset it to use the packaged Chromium`);
  const { executable, fontsConfig } = chosen === undefined ? packagedChromium() : { executable: chosen, fontsConfig: undefined };
  const profile = mkdtempSync(join(tmpdir(), "graphgen-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: executable,
    headless: true,
    env: fontsConfig === undefined ? process.env : { ...process.env, FONTCONFIG_FILE: fontsConfig },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
