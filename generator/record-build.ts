// The last step of `npm run build`, after tsc: records which sources dist/ was compiled from, so running a
// stale dist/ in a checkout is refused instead of stamping old code's output with the new code's fingerprint.
import { recordBuild } from "./code-hash.js";

recordBuild();
