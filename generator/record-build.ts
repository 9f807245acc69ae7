// The last step of `npm run build`, after tsc: records which sources dist/ was compiled from, so running a
// stale dist/ in a checkout is refused instead of stamping old code's output with the new code's fingerprint;
// and precompiles the module templates beside render.js, so a run loads them instead of compiling them.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { recordBuild } from "./code-hash.js";
import { precompiledTemplatesModule } from "./render.js";

recordBuild();
writeFileSync(fileURLToPath(new URL("./templates.precompiled.cjs", import.meta.url)), precompiledTemplatesModule());
