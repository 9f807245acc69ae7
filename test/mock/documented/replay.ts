// Replays an exchange documented in Graph's API reference against the generated mock and says how the
// mock's answer differs from the page's. The pages' examples were written by hand: values the server makes
// up (ids, timestamps, generated addresses) are compared by kind, and a value the page shows that its own
// request cannot produce is listed with the reason, never silently skipped.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One reference page, at the commit it was read. */
export interface DocumentedPage {
  readonly page: string;
  readonly commit: string;
  readonly exchanges: readonly DocumentedExchange[];
  /** The file it came from, for messages. */
  readonly file: string;
}

export interface DocumentedExchange {
  /** The example's name on the page (its annotation's `name`), or the section it is in. */
  readonly name: string;
  /** The page's prose this exchange checks, quoted, where the example alone does not say it. */
  readonly says?: string;
  /** What the example presumes exists: collection path -> entities, given to `mock.seed`. */
  readonly seed?: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  /** Requests made before this one (a member added, an item created), answered 2xx. */
  readonly before?: readonly DocumentedRequest[];
  readonly request: DocumentedRequest;
  readonly response: DocumentedResponse;
  /** JSON pointers of values the server makes up (ids, timestamps, addresses): same kind, not the same value. */
  readonly serverValues?: readonly string[];
  /** JSON pointers the page says Graph does not answer. */
  readonly absent?: readonly string[];
  /** Pointers of values the page's example shows that its own request cannot produce, each with why. */
  readonly docsOnly?: Readonly<Record<string, string>>;
  /** The mock still answers otherwise: why. The replay checks that it still does, so a fix shows up. */
  readonly pending?: string;
}

export interface DocumentedRequest {
  readonly method: string;
  /** As the page writes it, ids filled in from the seed: `https://graph.microsoft.com/v1.0/users`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface DocumentedResponse {
  readonly status: number;
  /** Headers the page shows or names; `*` for any value. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The page shows only some of the properties (its annotation's `truncated`): more may come. */
  readonly truncated?: boolean;
  /** A `text/plain` body (`$count`). */
  readonly text?: string;
}

/** The mock's answer as the replay reads it. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
  readonly text: string;
}

export function loadDocumentedPages(dir: string): DocumentedPage[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ ...(JSON.parse(readFileSync(join(dir, name), "utf8")) as Omit<DocumentedPage, "file">), file: name }));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$/;

/** Every way the answer differs from the page's response; empty when it agrees. */
export function differences(exchange: DocumentedExchange, answer: Answer): string[] {
  const found: string[] = [];
  const { response } = exchange;
  if (answer.status !== response.status) found.push(`status ${answer.status}, the page says ${response.status}`);
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    const actual = answer.headers.get(name);
    if (actual === null) found.push(`no ${name} header`);
    else if (value !== "*" && !sameHeader(name, actual, value)) found.push(`${name}: ${actual}, the page says ${value}`);
  }
  if (response.text !== undefined && answer.text.trim() !== response.text) found.push(`body ${answer.text}, the page says ${response.text}`);
  if (response.body !== undefined) {
    const rules = { server: new Set(exchange.serverValues ?? []), docsOnly: new Set(Object.keys(exchange.docsOnly ?? {})), truncated: response.truncated === true };
    compare(response.body, answer.json, "", rules, found);
  }
  for (const pointer of exchange.absent ?? []) {
    if (at(answer.json, pointer) !== undefined) found.push(`${pointer} answered, the page says Graph does not`);
  }
  return found;
}

interface Rules {
  readonly server: ReadonlySet<string>;
  readonly docsOnly: ReadonlySet<string>;
  readonly truncated: boolean;
}

function compare(expected: unknown, actual: unknown, pointer: string, rules: Rules, found: string[]): void {
  const where = pointer || "/";
  if (rules.docsOnly.has(pointer)) return;
  if (rules.server.has(pointer)) {
    if (!sameKind(expected, actual)) found.push(`${where}: ${show(actual)} is not a server value like ${show(expected)}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return void found.push(`${where}: ${show(actual)}, the page says an array`);
    if (actual.length !== expected.length) found.push(`${where}: ${actual.length} items, the page shows ${expected.length}`);
    expected.forEach((item, i) => compare(item, actual[i], `${pointer}/${i}`, rules, found));
    return;
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return void found.push(`${where}: ${show(actual)}, the page says an object`);
    for (const [name, value] of Object.entries(expected)) {
      const next = `${pointer}/${escape(name)}`;
      if (!(name in actual) && !rules.docsOnly.has(next)) found.push(`${next} missing (the page shows ${show(value)})`);
      else compare(value, actual[name], next, rules, found);
    }
    if (!rules.truncated) {
      for (const name of Object.keys(actual)) if (!(name in expected)) found.push(`${pointer}/${escape(name)} answered, the page shows no such property`);
    }
    return;
  }
  if (!Object.is(expected, actual)) found.push(`${where}: ${show(actual)}, the page says ${show(expected)}`);
}

/** Same JSON kind; a GUID or a timestamp where the page shows one. */
function sameKind(expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected !== typeof actual || Array.isArray(expected) !== Array.isArray(actual)) return false;
  if (typeof expected !== "string") return true;
  if (GUID.test(expected)) return GUID.test(actual as string);
  if (DATE_TIME.test(expected)) return DATE_TIME.test(actual as string);
  return (actual as string).length > 0 || expected.length === 0;
}

function sameHeader(name: string, actual: string, expected: string): boolean {
  // Media types compare without their parameters: Graph's own vary (`odata.metadata=minimal;...`).
  if (name.toLowerCase() === "content-type") return actual.split(";")[0]!.trim().toLowerCase() === expected.split(";")[0]!.trim().toLowerCase();
  return actual === expected;
}

/** The value at a JSON pointer, undefined where there is none. */
export function at(value: unknown, pointer: string): unknown {
  let current = value;
  for (const part of pointer.split("/").slice(1)) {
    const key = part.replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function escape(name: string): string {
  return name.replaceAll("~", "~0").replaceAll("/", "~1");
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? "nothing" : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
