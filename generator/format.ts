// The format stage: prettier over every generated TypeScript file, once, at the end.
import * as prettier from "prettier";
import type { OutputFile } from "./write.js";

const PRETTIER_OPTIONS: prettier.Options = { parser: "typescript", printWidth: 120 };

export async function formatFiles(files: readonly OutputFile[]): Promise<OutputFile[]> {
  return Promise.all(
    files.map(async (file) =>
      file.path.endsWith(".ts") ? { path: file.path, content: await prettier.format(file.content, PRETTIER_OPTIONS) } : file,
    ),
  );
}
