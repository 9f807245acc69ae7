// Doc comment lines from model descriptions. Text is made safe for a /** */ block here, once.
import type { Deprecation } from "../model/types.js";

/** Splits text into comment lines with anything that could end or confuse the comment neutralised. */
export function commentLines(...paragraphs: (string | undefined)[]): string[] {
  // This runs for every member of every type, mostly unoptimized: `forEach`, not `for...of` (each step of an
  // iterator allocates), and most paragraphs, one line with nothing to neutralise, are neither split nor rewritten.
  const lines: string[] = [];
  paragraphs.forEach((paragraph) => {
    if (!paragraph || paragraph.trim() === "") return;
    if (lines.length > 0) lines.push("");
    if (!paragraph.includes("\n") && !paragraph.includes("\r")) lines.push(escapeCommentText(paragraph.trimEnd()));
    else paragraph.replace(/\r\n?/g, "\n").split("\n").forEach((line) => lines.push(escapeCommentText(line.trimEnd())));
  });
  return lines;
}

/** `lines` followed by the `@deprecated` tag of a deprecated element (`deprecationLines`). */
export function withDeprecation(lines: string[], deprecation: Deprecation | undefined): string[] {
  if (deprecation) lines.push(...deprecationLines(deprecation));
  return lines;
}

export function escapeCommentText(text: string): string {
  // `*/` would close the comment; a leading `@` would read as a TSDoc tag.
  const closed = text.includes("*/") ? text.replace(/\*\//g, "*\\/") : text;
  return closed.includes("@") ? closed.replace(/^(\s*)@/, "$1\\@") : closed;
}

/**
 * The `@deprecated` tag of a deprecated element (editors strike it through): Graph's note, then when
 * it was deprecated and after which date Graph may remove it. Empty when it is not deprecated.
 */
export function deprecationLines(deprecation: Deprecation | undefined): string[] {
  if (!deprecation) return [];
  const dates = [
    deprecation.date ? `Deprecated since ${deprecation.date}` : "Deprecated",
    deprecation.removalDate ? `; Graph may remove it after ${deprecation.removalDate}.` : ".",
  ].join("");
  const note = deprecation.description ? escapeCommentText(deprecation.description.replace(/\s+/g, " ").trim()) : "";
  return [`@deprecated ${note ? `${note} ` : ""}${dates}`];
}
