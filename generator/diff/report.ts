// Prints an API diff as plain text (a terminal), Markdown (a pull-request comment) or JSON (tools).
import { ageNote, type AgeComparison } from "./age.js";
import type { ApiChange, ApiDiff } from "./compare.js";

export type DiffFormat = "text" | "markdown" | "json";
export const DIFF_FORMATS: readonly DiffFormat[] = ["text", "markdown", "json"];

export interface DiffReportInput {
  readonly oldName: string;
  readonly newName: string;
  readonly diff: ApiDiff;
  /** What was compared, for the heading: `your selection (graphgen.config.json)`, `all of the metadata`. */
  readonly scope?: string;
  /** Which file looks older. */
  readonly age?: AgeComparison;
}

export function formatDiff(input: DiffReportInput, format: DiffFormat): string {
  if (format === "json") return `${JSON.stringify(jsonReport(input), null, 2)}\n`;
  return format === "markdown" ? markdownReport(input) : textReport(input);
}

function split(diff: ApiDiff): { breaking: ApiChange[]; additive: ApiChange[]; deprecations: ApiChange[] } {
  return {
    breaking: diff.changes.filter((c) => c.severity === "breaking"),
    additive: diff.changes.filter((c) => c.severity === "non-breaking"),
    deprecations: diff.changes.filter((c) => c.severity === "deprecation"),
  };
}

function summary({ diff }: DiffReportInput): string {
  const { breaking, additive, deprecations } = split(diff);
  const deprecated = deprecations.length > 0 ? `; ${deprecations.length} deprecation(s)` : "";
  const changes = breaking.length + additive.length;
  if (changes === 0) return `no API changes${deprecated}; no version bump needed`;
  return `${changes} change(s): ${breaking.length} breaking, ${additive.length} non-breaking${deprecated}; implies a ${diff.bump} version bump`;
}

function line(change: ApiChange): string {
  return `${change.change}: ${change.target}${change.detail ? ` (${change.detail})` : ""}`;
}

function textReport(input: DiffReportInput): string {
  const { breaking, additive, deprecations } = split(input.diff);
  const note = ageNote(input.age, input.oldName, input.newName);
  const out = [`graphgen diff ${input.oldName} -> ${input.newName}${input.scope ? `, over ${input.scope}` : ""}`, ...(note ? [`note: ${note}`] : []), summary(input)];
  if (breaking.length > 0) out.push("", "Breaking:", ...breaking.map((c) => `  - ${line(c)}`));
  if (additive.length > 0) out.push("", "Non-breaking:", ...additive.map((c) => `  + ${line(c)}`));
  if (deprecations.length > 0) out.push("", "Deprecated:", ...deprecations.map((c) => `  ~ ${line(c)}`));
  return `${out.join("\n")}\n`;
}

/** Breaking changes are listed openly; the (often long) additive list is folded so the comment stays readable. */
function markdownReport(input: DiffReportInput): string {
  const { breaking, additive, deprecations } = split(input.diff);
  const item = (c: ApiChange) => `- ${c.change}: \`${c.target}\`${c.detail ? ` (\`${c.detail}\`)` : ""}`;
  const note = ageNote(input.age, `\`${input.oldName}\``, `\`${input.newName}\``);
  const out = [
    `### Graph API changes: ${input.diff.bump === "none" ? "no version bump" : `**${input.diff.bump}** version bump`}`,
    "",
    `\`${input.oldName}\` → \`${input.newName}\`${input.scope ? `, over ${input.scope}` : ""}: ${summary(input)}.`,
    ...(note ? ["", `Note: ${note}.`] : []),
  ];
  if (breaking.length > 0) out.push("", `#### Breaking (${breaking.length})`, "", ...breaking.map(item));
  if (additive.length > 0) {
    out.push("", `<details><summary>Non-breaking (${additive.length})</summary>`, "", ...additive.map(item), "", "</details>");
  }
  if (deprecations.length > 0) out.push("", `#### Deprecated (${deprecations.length})`, "", ...deprecations.map(item));
  return `${out.join("\n")}\n`;
}

function jsonReport({ oldName, newName, diff, scope, age }: DiffReportInput): object {
  const { breaking, additive, deprecations } = split(diff);
  return { old: oldName, new: newName, ...(scope ? { scope } : {}), ...(age?.older ? { older: age.older === "old" ? oldName : newName } : {}), bump: diff.bump, breaking: breaking.length, nonBreaking: additive.length, deprecations: deprecations.length, changes: diff.changes };
}
