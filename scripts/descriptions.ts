// Writes metadata/descriptions.json: the descriptions of Microsoft's described v1.0 file (default: the
// 2023-05 test fixture) for the elements of the shipped metadata that have none.
// Usage: npx tsx scripts/descriptions.ts [described.xml[.gz]]
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseCsdl } from "../generator/csdl/parse.js";
import { buildModel } from "../generator/model/build.js";
import { borrowedDescriptions, descriptionMap, shippedDescriptionsHeader } from "../generator/update/descriptions.js";

const root = resolve(import.meta.dirname, "..");
const source = process.argv[2] ?? join(root, "test/fixtures/msgraph-metadata/cleanMetadataWithDescriptionsv1.0-2023-05.xml.gz");
const bytes = readFileSync(source);
const model = (data: Buffer, name: string) => buildModel([parseCsdl(data, name)]);
const shipped = model(readFileSync(join(root, "metadata/v1.0-cleanMetadata.xml")), "metadata/v1.0-cleanMetadata.xml");
const described = model(source.endsWith(".gz") ? gunzipSync(bytes) : bytes, source);
const elements = borrowedDescriptions(shipped, described);
writeFileSync(join(root, "metadata/descriptions.json"), descriptionMap(elements, shippedDescriptionsHeader(elements.length)));
process.stdout.write(`metadata/descriptions.json: ${elements.length} elements described\n`);
