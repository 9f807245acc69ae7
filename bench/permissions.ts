// Prints how often graphgen's least-privileged answer agrees with Microsoft's API reference pages, over the
// operations of test/permissions/fixtures/reference-least.json (each names its page and commit), and why the
// others differ. `npm run bench:permissions`.
import { readFileSync } from "node:fs";
import { loadGraphPermissions } from "../generator/client/permissions.js";
import { leastPrivilegedPermissions } from "../generator/permissions/least.js";

type Kind = "delegated" | "application";
interface Row {
  method: string;
  path: string;
  pages: Array<{ path: string }>;
  delegated: string | null;
  application: string | null;
  graphgen?: Partial<Record<Kind, { answer: string | null; why: string }>>;
}

const rows = (JSON.parse(readFileSync(new URL("../test/permissions/fixtures/reference-least.json", import.meta.url), "utf8")) as { operations: Row[] }).operations;
const index = loadGraphPermissions();
let named = 0;
let namedAgree = 0;
let unsupported = 0;
let unsupportedAgree = 0;
const differ: string[] = [];
for (const row of rows) {
  const result = leastPrivilegedPermissions(index, row.path, row.method, { resourceSpecific: true });
  for (const kind of ["delegated", "application"] as const) {
    const want = row[kind];
    const got = result?.[kind][0]?.name ?? null;
    if (want === null) {
      unsupported++;
      if (got === null) unsupportedAgree++;
    } else {
      named++;
      if (got === want) namedAgree++;
    }
    if (got !== want) differ.push(`  ${row.method} ${row.path} ${kind}: reference ${want ?? "(not supported)"}, graphgen ${got ?? "(none)"}: ${row.graphgen?.[kind]?.why ?? "UNEXPLAINED"}`);
  }
}
const pages = new Set(rows.flatMap((r) => r.pages.map((p) => p.path)));
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`${rows.length} operations from ${pages.size} reference pages`);
console.log(`least permission named by the page: graphgen agrees on ${namedAgree} of ${named} operation/scheme pairs (${pct(namedAgree, named)})`);
console.log(`"not supported" on the page (application on /me): graphgen names none on ${unsupportedAgree} of ${unsupported}`);
console.log(`differences (${differ.length}):`);
console.log(differ.join("\n"));
