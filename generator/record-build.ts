// The last step of `npm run build`, after tsc: records which sources dist/ was compiled from, so running a
// stale dist/ in a checkout is refused instead of stamping old code's output with the new code's fingerprint;
// and precompiles the module templates beside render.js, so a run loads them instead of compiling them; and
// bundles fast-xml-parser into csdl/xml-parser.js (that module's comment says why).
import { rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { recordBuild } from "./code-hash.js";
import { precompiledTemplatesModule } from "./render.js";

recordBuild();
writeFileSync(fileURLToPath(new URL("./templates.precompiled.cjs", import.meta.url)), precompiledTemplatesModule());
const xmlParser = fileURLToPath(new URL("./csdl/xml-parser.js", import.meta.url));
buildSync({ entryPoints: [xmlParser], outfile: xmlParser, allowOverwrite: true, bundle: true, platform: "node", format: "esm", logLevel: "warning" });
// tsc's source map describes the one-line re-export the bundle replaced.
rmSync(`${xmlParser}.map`, { force: true });
