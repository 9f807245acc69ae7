// `emit: "js"`: the package as Prisma ships its client, JavaScript beside declarations. The project's tsc
// then reads `.d.ts` files (skipped under skipLibCheck, never checked with the project's own flags) and its
// test runner or bundler loads JavaScript it need not transform. oxc-transform makes both from each
// formatted module without type information, which works because the generated code annotates everything
// it exports (isolatedDeclarations); a module that does not is graphgen's bug, reported as such.
import { transformSync } from "oxc-transform";
import { GraphgenError } from "../errors.js";
import type { OutputFile } from "../write.js";

const TYPESCRIPT_MODULE = /^src\/.*\.ts$/;

/** Each `src/**\/*.ts` module as `.js` + `.d.ts`; every other file as it is. */
export function prebuiltModules(files: readonly OutputFile[]): OutputFile[] {
  return files.flatMap((file) => (TYPESCRIPT_MODULE.test(file.path) ? prebuilt(file) : [file]));
}

function prebuilt(file: OutputFile): OutputFile[] {
  const result = transformSync(file.path, file.content, { lang: "ts", sourceType: "module", typescript: { declaration: {} } });
  const first = result.errors[0];
  if (first) {
    const at = first.labels?.[0]?.start;
    const where = at === undefined ? "" : `:${lineColumn(file.content, at)}`;
    throw new GraphgenError(`${file.path}${where}: cannot be emitted as JavaScript + declarations: ${first.message}`, {
      hint: 'this is a bug in graphgen (a generated export without a declared type); generate with "emit": "ts" meanwhile and report it',
    });
  }
  const stem = file.path.slice(0, -".ts".length);
  return [
    { path: `${stem}.js`, content: result.code },
    { path: `${stem}.d.ts`, content: result.declaration ?? "" },
  ];
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `${before.length}:${(before.at(-1) ?? "").length + 1}`;
}
