// Details of the fixed runtime tested at their source (templates/runtime/), with no generation: what a
// package carries is these files byte for byte (test/runtime/sources.test.ts).
import { describe, expect, it } from "vitest";
import { retryBounds, retryDelay } from "../../templates/runtime/client/retry.js";
import { nextLink, pageWindow, parseFilter, parseSearch, type QueryScope } from "../../templates/runtime/mock/query.js";
import { MockGraphError } from "../../templates/runtime/mock/types.js";
import { pointerToken, runValidation, Walk } from "../../templates/runtime/runtime/validation.js";

const retryAfter = (value: string) => new Response(null, { status: 429, headers: { "retry-after": value } });

describe("client/retry.ts", () => {
  it("waits as Retry-After says, in seconds or until an HTTP date, never less than nothing", () => {
    expect(retryDelay(retryAfter("3"), 0, 1000)).toBe(3000);
    expect(retryDelay(retryAfter("0"), 5, 1000)).toBe(0);
    const later = retryDelay(retryAfter(new Date(Date.now() + 10_000).toUTCString()), 0, 1000);
    expect(later).toBeGreaterThan(8000);
    expect(later).toBeLessThanOrEqual(10_000);
    expect(retryDelay(retryAfter(new Date(Date.now() - 60_000).toUTCString()), 0, 1000)).toBe(0);
  });

  it("backs off exponentially without a usable Retry-After", () => {
    expect([0, 1, 2, 3].map((attempt) => retryDelay(undefined, attempt, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(retryAfter("soon"), 2, 500)).toBe(2000);
    expect(retryDelay(new Response(null, { status: 503 }), 1, 100)).toBe(200);
  });

  it("bounds retries by default, and `retry: false` turns them off", () => {
    const getAccessToken = async () => "token";
    expect(retryBounds({ getAccessToken })).toEqual({ maxRetries: 3, maxTotalDelayMs: 60_000, baseDelayMs: 1000 });
    expect(retryBounds({ getAccessToken, retry: false }).maxRetries).toBe(0);
    expect(retryBounds({ getAccessToken, retry: { maxRetries: 1 } })).toEqual({ maxRetries: 1, maxTotalDelayMs: 60_000, baseDelayMs: 1000 });
  });
});

describe("mock/query.ts", () => {
  const scope: QueryScope = {
    typeName: "microsoft.graph.user",
    properties: new Map([
      ["displayName", "Edm.String"],
      ["accountEnabled", "Edm.Boolean"],
      ["manager", "microsoft.graph.directoryObject"],
      ["mail", "Edm.String"],
      ["createdDateTime", "Edm.DateTimeOffset"],
      ["proxyAddresses", "Collection(Edm.String)"],
      ["assignedLicenses", "Collection(microsoft.graph.assignedLicense)"],
    ]),
    enums: new Set(),
  };
  const filter = (text: string) => parseFilter(new URLSearchParams({ $filter: text }), scope);
  const rejects = (text: string) => {
    try {
      filter(text);
    } catch (error) {
      return error instanceof MockGraphError ? `${error.status} ${error.code}` : String(error);
    }
    return "accepted";
  };

  it("folds case in string comparisons and startsWith, quotes doubled inside a literal", () => {
    expect(filter("displayName eq 'ADA'")({ displayName: "ada" })).toBe(true);
    expect(filter("startsWith(displayName,'o''b')")({ displayName: "O'Brien" })).toBe(true);
    const either = filter("(displayName eq 'a' or displayName eq 'b') and accountEnabled eq true");
    expect([either({ displayName: "b", accountEnabled: true }), either({ displayName: "b", accountEnabled: false })]).toEqual([true, false]);
  });

  it("answers 400 for what Graph refuses and for what the mock does not serve", () => {
    expect(rejects("nickname eq 'a'")).toBe("400 BadRequest");
    expect(rejects("displayName eq 'a' extra")).toBe("400 BadRequest");
    expect(rejects("displayName has 'a'")).toBe("400 Request_UnsupportedQuery");
    expect(rejects("manager eq 'x'")).toBe("400 Request_UnsupportedQuery");
    expect(rejects("manager/any(m:m eq 'x')")).toBe("400 BadRequest");
  });

  it("compares, takes in, endsWith, contains, not, and any/all over a collection, as Graph's $filter does", () => {
    const users = [
      { displayName: "Ada", mail: "ada@contoso.com", createdDateTime: "2020-01-01T00:00:00Z", proxyAddresses: ["SMTP:ada@contoso.com"], assignedLicenses: [{ skuId: "s1" }] },
      { displayName: "Grace", mail: "grace@fabrikam.com", createdDateTime: "2021-06-01T00:00:00Z", proxyAddresses: [], assignedLicenses: [{ skuId: "s2" }, { skuId: "s1" }] },
    ];
    const names = (text: string) => users.filter(filter(text)).map((u) => u.displayName);
    expect(names("createdDateTime ge 2021-01-01T00:00:00Z")).toEqual(["Grace"]);
    expect(names("displayName lt 'b'")).toEqual(["Ada"]);
    expect(names("displayName in ('grace', 'Linus')")).toEqual(["Grace"]);
    expect(names("endswith(mail,'@CONTOSO.com')")).toEqual(["Ada"]);
    expect(names("contains(mail,'fabri')")).toEqual(["Grace"]);
    expect(names("not startswith(displayName,'a')")).toEqual(["Grace"]);
    expect(names("assignedLicenses/any(l:l/skuId eq 's2')")).toEqual(["Grace"]);
    expect(names("assignedLicenses/all(l:l/skuId eq 's1')")).toEqual(["Ada"]);
    expect(names("proxyAddresses/any(p:startswith(p, 'smtp:'))")).toEqual(["Ada"]);
  });

  it("searches words by prefix, camel case split, with AND and OR, on string properties only", () => {
    const search = (text: string) => parseSearch(new URLSearchParams({ $search: text }), scope);
    const users = [{ displayName: "Oscar Ward" }, { displayName: "contosoAdmin1" }, { displayName: "Adele Vance" }, { displayName: "Grace" }];
    const names = (text: string) => users.filter(search(text)).map((u) => u.displayName);
    expect(names('"displayName:wa"')).toEqual(["Oscar Ward"]);
    expect(names('"displayName:wa" OR "displayName:ad"')).toEqual(["Oscar Ward", "contosoAdmin1", "Adele Vance"]);
    expect(names('"displayName:ad" AND "displayName:va"')).toEqual(["Adele Vance"]);
    expect(() => search('"accountEnabled:t"')).toThrow("Could not find a string property named 'accountEnabled'");
    expect(() => search("ada")).toThrow('is not a "property:text" search clause');
  });

  it("pages with $top below the page size, and continues with a $skiptoken in place of $skip", () => {
    const query = new URLSearchParams({ $top: "5", $skip: "10", $select: "id" });
    expect(pageWindow(query, 100)).toEqual({ offset: 10, size: 5 });
    expect(pageWindow(new URLSearchParams({ $top: "500" }), 100)).toEqual({ offset: 0, size: 100 });
    expect(nextLink("https://graph/v1.0/users", query, 15)).toBe("https://graph/v1.0/users?$top=5&$select=id&$skiptoken=15");
  });
});

describe("runtime/validation.ts", () => {
  it("spells an issue's path as a JSON pointer, escaping `~` and `/` and counting array items", () => {
    const result = runValidation({ "a/b": [{ "c~d": 1 }] }, undefined, (value, walk) => {
      expect(walk.enter(value, null, "#microsoft.graph.x")).toBe(true);
      walk.down("a/b");
      expect(walk.enter({ "c~d": 1 }, 0, "#microsoft.graph.y")).toBe(true);
      walk.issue("c~d", "Edm.String", 1);
      walk.leave();
      walk.up();
      walk.leave();
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => [e.path, e.message])).toEqual([["/a~1b/0/c~0d", "expected Edm.String, received number 1"]]);
    expect(pointerToken("plain")).toBe("plain");
  });

  it("stops at maxErrors with one last issue saying so", () => {
    const result = runValidation([1, 2, 3], { maxErrors: 2 }, (_value, walk: Walk) => {
      for (const key of [0, 1, 2]) walk.issue(key, "Edm.String", key);
    });
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual([
      "expected Edm.String, received number 0",
      "expected Edm.String, received number 1",
      "validation stopped after 2 errors (maxErrors)",
    ]);
  });
});
