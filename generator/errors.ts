// One error type for every problem in the user's input, so the CLI can print it without a stack trace.

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface GraphgenErrorDetails {
  /** Where the problem is: a file position, or a file plus a JSON path. */
  location?: SourceLocation;
  /** A second place involved (e.g. the other definition in a conflict). */
  related?: SourceLocation;
  /** What the user can do about it. */
  hint?: string;
}

export class GraphgenError extends Error {
  readonly location?: SourceLocation;
  readonly related?: SourceLocation;
  readonly hint?: string;

  constructor(message: string, details: GraphgenErrorDetails = {}) {
    super(message);
    this.name = "GraphgenError";
    this.location = details.location;
    this.related = details.related;
    this.hint = details.hint;
  }

  /** The text the CLI prints: `file:line:column: message`, then the related place and the hint. */
  format(): string {
    const lines = [this.location ? `${formatLocation(this.location)}: ${this.message}` : this.message];
    if (this.related) lines.push(`  other definition: ${formatLocation(this.related)}`);
    if (this.hint) lines.push(`  fix: ${this.hint}`);
    return lines.join("\n");
  }
}

export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}
