// Every internal link of the whole `--all --include-path '/**'` site leads to a page that exists, and
// every `#anchor` to an element on it: checked over the rendered files in memory (no write, so it stays fast).
import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig, renderSite } from "./support/site.js";

const HTML_LINK = /\b(?:href|src|action)="([^"]*)"/g;
const MD_LINK = /\]\(([^)\s]*)\)/g;
const HTML_ID = /\bid="([^"]*)"/g;

interface BrokenLink {
  readonly page: string;
  readonly link: string;
  readonly problem: string;
}

function checkLinks(files: readonly { path: string; content: string }[]): { checked: number; broken: BrokenLink[] } {
  const contents = new Map(files.map((f) => [f.path, f.content]));
  const ids = new Map<string, Set<string>>();
  const idsOf = (path: string) => {
    let set = ids.get(path);
    if (!set) {
      set = new Set([...(contents.get(path) ?? "").matchAll(HTML_ID)].map((m) => unescapeHtml(m[1] ?? "")));
      ids.set(path, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const file of files) {
    const pattern = file.path.endsWith(".html") ? HTML_LINK : file.path.endsWith(".md") ? MD_LINK : undefined;
    if (!pattern) continue;
    for (const match of file.content.matchAll(pattern)) {
      const link = unescapeHtml(match[1] ?? "");
      if (/^[a-z]+:/i.test(link) || link === "") continue;
      checked += 1;
      const [target = "", anchor] = link.split("?")[0]!.split("#");
      const path = target === "" ? file.path : posix.normalize(posix.join(posix.dirname(file.path), decodeURI(target)));
      if (!contents.has(path)) broken.push({ page: file.path, link, problem: `no file ${path}` });
      else if (anchor && !idsOf(path).has(decodeURIComponent(anchor))) broken.push({ page: file.path, link, problem: `no id "${anchor}" in ${path}` });
    }
  }
  return { checked, broken };
}

function unescapeHtml(text: string): string {
  return text.replace(/&#x3D;/g, "=").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

describe("internal links", () => {
  it("all resolve in the --all --include-path '/**' site, HTML and Markdown, and no two files differ only in case", () => {
    const files = renderSite({ ...defaultConfig(), all: true, includePaths: ["/**"] });
    const { checked, broken } = checkLinks(files);
    expect(broken.slice(0, 20)).toEqual([]);
    // Case-insensitive file systems (Windows, macOS) must get every page too: Graph has permissions
    // whose names differ only in case.
    const seen = new Set<string>();
    const clashes = files.map((f) => f.path.toLowerCase()).filter((path) => seen.size === seen.add(path).size);
    expect(clashes).toEqual([]);
    expect(files.map((f) => f.path)).toContain("permissions/Calls.JoinGroupCallasGuest.All-2.html");
    // The site is the whole of Graph v1.0: thousands of pages, hundreds of thousands of links.
    expect(files.filter((f) => f.path.startsWith("types/")).length).toBeGreaterThan(7000);
    expect(checked).toBeGreaterThan(100_000);
  }, 180_000);

  it("the checker itself finds a missing page and a missing anchor", () => {
    const { broken } = checkLinks([
      { path: "a/b.html", content: '<a href="../c.html">c</a> <a href="../index.html#nowhere">i</a> <a href="https://graph.microsoft.com">ext</a>' },
      { path: "index.html", content: '<h2 id="here">x</h2>' },
      { path: "index.md", content: "[b](a/b.md) [ok](index.md)" },
    ]);
    expect(broken).toEqual([
      { page: "a/b.html", link: "../c.html", problem: "no file c.html" },
      { page: "a/b.html", link: "../index.html#nowhere", problem: 'no id "nowhere" in index.html' },
      { page: "index.md", link: "a/b.md", problem: "no file a/b.md" },
    ]);
  });
});
