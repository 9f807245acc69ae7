// `npm run bench:validate`: ops/s of graphgen's generated validator, ajv (compiled from graphgen's
// JSON Schema) and zod (an equivalent schema written here) on the same request bodies, valid and
// invalid. Mode `update` is compared: closed types, nothing required, as the JSON Schema says.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { z } from "zod";
import { generate } from "../generator/generate.js";

type Check = (value: unknown) => boolean;

const out = mkdtempSync(join(tmpdir(), "graphgen-bench-"));
await generate({ include: ["identityApiConnector", "identity", "thumbnailSet"], overlays: ["metadata/overlay.xml"], out, format: false });
const validators = (await import(pathToFileURL(join(out, "src/validators/IdentityApiConnector.ts")).href)) as {
  validateIdentityApiConnector: (value: unknown, options?: { mode?: "create" | "update" | "read" }) => { ok: boolean };
};

const schema = JSON.parse(readFileSync(join(out, "schemas/graph.schema.json"), "utf8")) as { $id: string };
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(schema);
const ajvValidate = ajv.compile({ $ref: `${schema.$id}#/$defs/microsoft.graph.identityApiConnector` });

// zod: the same rules by hand: `@odata.type` with or without `#`, closed objects, nullable strings.
const odataType = (name: string) => z.enum([`#microsoft.graph.${name}`, `microsoft.graph.${name}`]);
const nullableString = z.string().nullable().optional();
const basic = z.strictObject({ "@odata.type": odataType("basicAuthentication"), username: nullableString, password: nullableString });
const pkcs12 = z.strictObject({ "@odata.type": odataType("pkcs12Certificate"), pkcs12Value: nullableString, password: nullableString });
const clientCertificate = z.strictObject({
  "@odata.type": odataType("clientCertificateAuthentication"),
  certificateList: z
    .array(
      z.strictObject({
        "@odata.type": odataType("pkcs12CertificateInformation").optional(),
        isActive: z.boolean().optional(),
        notAfter: z.number().int().optional(),
        notBefore: z.number().int().optional(),
        thumbprint: nullableString,
      }).nullable(),
    )
    .optional(),
});
const zodSchema = z.strictObject({
  "@odata.type": odataType("identityApiConnector").optional(),
  id: z.string().optional(),
  authenticationConfiguration: z.union([basic, pkcs12, clientCertificate]).nullable().optional(),
  displayName: nullableString,
  targetUrl: nullableString,
});

const payloads: Record<string, unknown> = {
  "valid: seed basicAuthentication body": {
    displayName: "Test API",
    targetUrl: "https://someapi.com/api",
    authenticationConfiguration: { "@odata.type": "#microsoft.graph.basicAuthentication", username: "MyUsername", password: "MyPassword" },
  },
  "valid: clientCertificateAuthentication, 3 certificates": {
    id: "be1e7ed5-9b4e-4b55-8d27-7c5a3e0c0ae3",
    displayName: "Test API",
    targetUrl: "https://someapi.com/api",
    authenticationConfiguration: {
      "@odata.type": "#microsoft.graph.clientCertificateAuthentication",
      certificateList: [1, 2, 3].map((n) => ({ isActive: n === 1, notAfter: 1767225600 + n, notBefore: 1735689600, thumbprint: `A1B2C3D4E5F6${n}` })),
    },
  },
  "invalid: wrong types, unknown member, wrong @odata.type": {
    displayName: 42,
    targetUrl: null,
    colour: "red",
    authenticationConfiguration: { "@odata.type": "#microsoft.graph.identity", username: 1 },
  },
};

const update = { mode: "update" } as const;
const candidates: Record<string, Check> = {
  validate: (value) => validators.validateIdentityApiConnector(value, update).ok,
  ajv: (value) => ajvValidate(value),
  zod: (value) => zodSchema.safeParse(value).success,
};

/** Calls per second over one ~200 ms round; the result is kept so nothing is optimised away. */
function round(check: Check, value: unknown): { ops: number; result: boolean } {
  let result = false;
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < 200) {
    for (let i = 0; i < 1_000; i++) result = check(value);
    calls += 1_000;
    elapsed = performance.now() - started;
  }
  return { ops: (calls / elapsed) * 1000, result };
}

/** Candidates take turns (7 rounds each, after a warm-up) and keep their best round, so a busy machine hurts them alike. */
function measure(value: unknown): Record<string, { ops: number; result: boolean }> {
  const best: Record<string, { ops: number; result: boolean }> = {};
  for (const check of Object.values(candidates)) for (let i = 0; i < 20_000; i++) check(value);
  for (let r = 0; r < 7; r++) {
    for (const [name, check] of Object.entries(candidates)) {
      const figure = round(check, value);
      if (!best[name] || figure.ops > best[name].ops) best[name] = figure;
    }
  }
  return best;
}

const format = (ops: number) => `${Math.round(ops).toLocaleString("en-US")} ops/s`.padStart(18);
console.log(`node ${process.version}; mode "update"; ajv ${ajvVersion()} (allErrors), zod ${zodVersion()}\n`);
for (const [label, payload] of Object.entries(payloads)) {
  const figures = measure(payload);
  const verdicts = new Set(Object.values(figures).map((f) => f.result));
  console.log(label + (verdicts.size > 1 ? "  (candidates disagree!)" : ""));
  for (const [name, { ops, result }] of Object.entries(figures)) console.log(`  ${name.padEnd(9)}${format(ops)}  ${result ? "valid" : "invalid"}`);
  console.log(`  validate/ajv ${(figures["validate"]!.ops / figures["ajv"]!.ops).toFixed(2)}x   validate/zod ${(figures["validate"]!.ops / figures["zod"]!.ops).toFixed(2)}x\n`);
}

function ajvVersion(): string {
  return (JSON.parse(readFileSync("node_modules/ajv/package.json", "utf8")) as { version: string }).version;
}

function zodVersion(): string {
  return (JSON.parse(readFileSync("node_modules/zod/package.json", "utf8")) as { version: string }).version;
}
