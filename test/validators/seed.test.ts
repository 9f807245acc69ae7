// The seed page's request bodies for POST /identity/apiConnectors validate in create mode; the
// mistakes a caller is likely to make are reported at the right path.
import { beforeAll, describe, expect, it } from "vitest";
import { SEED_BODY } from "../support/seed.js";
import { generateDefault, type GeneratedPackage, type Validate } from "./support/generated-validators.js";

let pkg: GeneratedPackage;
let validate: Validate;

beforeAll(async () => {
  pkg = await generateDefault();
  validate = await pkg.validator("validators/IdentityApiConnector", "IdentityApiConnector");
}, 60_000);

const basicBody = SEED_BODY;

const pkcs12Body = {
  displayName: "Test API",
  targetUrl: "https://someapi.com/api",
  authenticationConfiguration: {
    "@odata.type": "#microsoft.graph.pkcs12Certificate",
    pkcs12Value: "eyJhbGciOiJSUzI1NiIsImtpZCI6I",
    password: "secret",
  },
};

describe("seed example bodies", () => {
  it("accepts the basicAuthentication body in create mode, returning the same value", () => {
    expect(validate(basicBody, { mode: "create" })).toEqual({ ok: true, value: basicBody });
  });

  it("accepts the pkcs12Certificate body in create mode", () => {
    expect(validate(pkcs12Body, { mode: "create" })).toEqual({ ok: true, value: pkcs12Body });
  });

  it("accepts @odata.type without the leading #", () => {
    const body = { ...basicBody, authenticationConfiguration: { ...basicBody.authenticationConfiguration, "@odata.type": "microsoft.graph.basicAuthentication" } };
    expect(validate(body, { mode: "create" }).ok).toBe(true);
  });

  it("names the concrete types when the abstract authenticationConfiguration has no @odata.type", () => {
    const body = { ...basicBody, authenticationConfiguration: { username: "MyUsername", password: "MyPassword" } };
    expect(validate(body, { mode: "create" })).toEqual({
      ok: false,
      errors: [
        {
          path: "/authenticationConfiguration/@odata.type",
          expected: "one of #microsoft.graph.basicAuthentication, #microsoft.graph.clientCertificateAuthentication, #microsoft.graph.pkcs12Certificate",
          received: "undefined",
          message:
            "microsoft.graph.apiAuthenticationConfigurationBase is abstract: @odata.type must name one of #microsoft.graph.basicAuthentication, #microsoft.graph.clientCertificateAuthentication, #microsoft.graph.pkcs12Certificate",
        },
      ],
    });
  });

  it("requires displayName, targetUrl and authenticationConfiguration on create (the overlay's InsertRestrictions), not on update", () => {
    const result = validate({ displayName: "Test API" }, { mode: "create" });
    expect(result.ok ? [] : result.errors.map((e) => [e.path, e.message])).toEqual([
      ["/authenticationConfiguration", "required property missing: expected microsoft.graph.apiAuthenticationConfigurationBase object"],
      ["/targetUrl", "required property missing: expected Edm.String"],
    ]);
    expect(validate({ displayName: "Renamed" }, { mode: "update" }).ok).toBe(true);
  });

  it("accepts Graph's other spellings of @odata.type: any case, with or without #", () => {
    for (const name of ["#Microsoft.Graph.BasicAuthentication", "MICROSOFT.GRAPH.BASICAUTHENTICATION"]) {
      const body = { ...basicBody, authenticationConfiguration: { ...basicBody.authenticationConfiguration, "@odata.type": name } };
      expect(validate(body, { mode: "create" })).toEqual({ ok: true, value: body });
    }
  });

  it("reports a property of the wrong derived type as unknown, at its path", () => {
    const body = { ...basicBody, authenticationConfiguration: { ...basicBody.authenticationConfiguration, pkcs12Value: "abc" } };
    const result = validate(body, { mode: "create" });
    expect(result.ok ? [] : result.errors.map((e) => [e.path, e.message])).toEqual([
      ["/authenticationConfiguration/pkcs12Value", 'unknown property "pkcs12Value": microsoft.graph.basicAuthentication is not an open type'],
    ]);
    expect(validate(body, { mode: "read" }).ok).toBe(true);
  });

  it("is and assert agree with validate; assert throws GraphValidationError carrying the errors", async () => {
    const module = await pkg.load("validators/IdentityApiConnector");
    const runtime = await pkg.load("runtime/validation");
    const is = module["isIdentityApiConnector"] as (v: unknown, o?: object) => boolean;
    const assert = module["assertIdentityApiConnector"] as (v: unknown, o?: object) => void;
    expect(is(basicBody, { mode: "create" })).toBe(true);
    expect(is({ displayName: 1 })).toBe(false);
    expect(() => assert(basicBody, { mode: "create" })).not.toThrow();
    let thrown: unknown;
    try {
      assert({ displayName: 1, targetUrl: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(runtime["GraphValidationError"] as new () => Error);
    expect((thrown as Error).message).toBe("invalid microsoft.graph.identityApiConnector: /displayName: expected Edm.String, received number 1 (and 1 more)");
    expect((thrown as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["/displayName", "/targetUrl"]);
  });

  it("re-exports validators and the runtime from the package index", async () => {
    const index = await pkg.load("index");
    expect(typeof index["validateIdentityApiConnector"]).toBe("function");
    expect(typeof index["assertThumbnailSet"]).toBe("function");
    expect(typeof index["GraphValidationError"]).toBe("function");
  });
});
