// Faults a test injects per request pattern: a status (429 with Retry-After, 503...), a dropped
// connection, or latency before the answer. Patterns are `[METHOD ]/path` where `*` is one segment,
// `**` any number and `{...}` any one segment, matched case-insensitively on the decoded path.
import type { MockRequest } from "./types.js";

export interface Fault {
  /** Answer with this status and Graph's error body (e.g. 429, 503). */
  status?: number;
  /** Seconds, sent as the `Retry-After` header. */
  retryAfter?: number;
  /** Close the connection without an answer (`fetch` rejects, as it does on a network error). */
  drop?: boolean;
  /** Milliseconds to wait before answering (or failing). */
  latencyMs?: number;
  /** Apply to this many matching requests, then stop. Default: every one. */
  times?: number;
}

export interface FaultRule {
  readonly pattern: string;
  readonly fault: Fault;
  used: number;
}

/** The first rule matching the request that still has uses left; counts the use. */
export function matchFault(rules: readonly FaultRule[], request: MockRequest): Fault | undefined {
  const path = request.path.replace(/^\/v1\.0(?=\/)/, "");
  const rule = rules.find(
    (r) => (r.fault.times === undefined || r.used < r.fault.times) && matches(r.pattern, request.method, path),
  );
  if (rule) rule.used++;
  return rule?.fault;
}

function matches(pattern: string, method: string, path: string): boolean {
  const space = pattern.indexOf(" ");
  if (space > 0 && pattern.slice(0, space).toUpperCase() !== method) return false;
  const wanted = segments(space > 0 ? pattern.slice(space + 1) : pattern);
  return walk(wanted, segments(path).map(safeDecode));
}

function segments(path: string): string[] {
  return path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => segment.toLowerCase());
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function walk(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length === 0) return path.length === 0;
  const [head, ...rest] = pattern as [string, ...string[]];
  if (head === "**") return walk(rest, path) || (path.length > 0 && walk(pattern, path.slice(1)));
  if (path.length === 0) return false;
  const one = head === "*" || (head.startsWith("{") && head.endsWith("}")) || head === path[0];
  return one && walk(rest, path.slice(1));
}
