// Microsoft's described v1.0 file of 2023-05-09 (msgraph-metadata commit 2cfb1efab2d7, blob
// fb3bbddf7bf318e5b8402d1e982a05438c54e6c2, MIT: metadata/LICENSE-msgraph-metadata), shipped gzipped
// in test/fixtures/msgraph-metadata/ and decompressed by the tests that need it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { repoRoot } from "../../support/output.js";

export const DESCRIBED_2023_05 = join(repoRoot, "test/fixtures/msgraph-metadata/cleanMetadataWithDescriptionsv1.0-2023-05.xml.gz");

export function describedBytes(): Buffer {
  return gunzipSync(readFileSync(DESCRIBED_2023_05));
}

/** Writes the decompressed file to `path` and returns it. */
export function writeDescribed(path: string): string {
  writeFileSync(path, describedBytes());
  return path;
}
