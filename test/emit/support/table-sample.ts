// A table module of the whole of v1.0 (the permissions of 27,581 requests, the mock's route tree) is one
// template line repeated thousands of times: prettier over all of it takes seconds a module. Prettier lays out
// each entry of an object that is already broken over lines on its own, so the table is checked on a sample
// of its entries, cut from the module's own lines: a spread of them, and each layout an entry takes at its
// shortest and its longest (a template that breaks an entry prettier would join makes a layout of its own).

/** Entries kept from an object of the table's top level, and from each object nested in a kept entry. */
const TOP_SPREAD = 40;
const NESTED_SPREAD = 4;
/** Entries up to this many lines are compared by layout; longer ones are subtrees, sampled inside. */
const LEAF_LINES = 12;

const indentOf = (line: string) => line.length - line.trimStart().length;
const closes = (line: string) => /^\s*[}\])]/.test(line);
/** An object literal, interface or type literal opened on the line before: not a function body. */
const opensObject = (line: string) => /\{$/.test(line) && !/\)(:[^=]*)? \{$|=> \{$/.test(line);

/** The entries at `indent` of lines [from, to): each a first line, the deeper lines and closing lines after it. */
function entries(lines: readonly string[], from: number, to: number, indent: number): [number, number][] {
  const found: [number, number][] = [];
  for (let start = from; start < to; ) {
    let end = start + 1;
    while (end < to && (lines[end] === "" || indentOf(lines[end]!) > indent || (indentOf(lines[end]!) === indent && closes(lines[end]!)))) end++;
    found.push([start, end]);
    start = end;
  }
  return found;
}

/** Up to `count` indexes of `n`, evenly spread, the last one included. */
function spreadIndexes(n: number, count: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: count }, (_, i) => Math.floor((i * n) / count)), n - 1];
}

/** An entry's layout: its lines with names and strings blanked. */
const layoutOf = (lines: readonly string[]) =>
  lines.map((line) => line.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '""').replace(/[\w$.-]+/g, "w")).join("\n");

/** The entries of one object to keep: a spread, and per layout the shortest entry and the one with the longest line. */
function keptEntries(lines: readonly string[], found: readonly [number, number][], spread: number): Set<number> {
  const kept = new Set(spreadIndexes(found.length, spread));
  const byLayout = new Map<string, { shortest: number; size: number; longest: number; width: number }>();
  found.forEach(([start, end], i) => {
    if (end - start > LEAF_LINES) return;
    const body = lines.slice(start, end);
    const size = body.join("").length;
    const width = Math.max(...body.map((line) => line.length));
    const layout = layoutOf(body);
    const seen = byLayout.get(layout) ?? { shortest: i, size, longest: i, width };
    if (size < seen.size) Object.assign(seen, { shortest: i, size });
    if (width > seen.width) Object.assign(seen, { longest: i, width });
    byLayout.set(layout, seen);
  });
  for (const { shortest, longest } of byLayout.values()) kept.add(shortest).add(longest);
  return kept;
}

function sampleLines(lines: readonly string[], from: number, to: number, indent: number): string[] {
  const found = entries(lines, from, to, indent);
  const spread = indent <= 2 ? TOP_SPREAD : NESTED_SPREAD;
  const sampled = found.length > spread && from > 0 && opensObject(lines[from - 1]!);
  const kept = sampled ? keptEntries(lines, found, spread) : undefined;
  const out: string[] = [];
  found.forEach(([start, end], i) => {
    if (kept && !kept.has(i)) return;
    out.push(lines[start]!);
    for (let k = start + 1; k < end; ) {
      if (lines[k] !== "" && indentOf(lines[k]!) <= indent) {
        out.push(lines[k++]!);
        continue;
      }
      let deeper = k;
      while (deeper < end && (lines[deeper] === "" || indentOf(lines[deeper]!) > indent)) deeper++;
      out.push(...sampleLines(lines, k, deeper, indent + 2));
      k = deeper;
    }
  });
  return out;
}

/** The module with the entries of its large objects sampled; everything else (imports, functions) as it is. */
export function sampleTable(content: string): string {
  const lines = content.split("\n");
  return sampleLines(lines, 0, lines.length, 0).join("\n");
}
