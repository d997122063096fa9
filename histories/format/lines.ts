// Splits text that arrives in chunks into lines. Unlike node:readline it reports whether
// the last line ended with a newline, which is how a cut-off file is told from a bad line.

/** LineSplitter collects chunks and hands back the complete lines, without "\n" or "\r\n". */
export class LineSplitter {
  private rest = "";

  /** push adds a chunk and returns the lines it completed. */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let end = chunk.indexOf("\n"); end !== -1; end = chunk.indexOf("\n", start)) {
      const piece = chunk.slice(start, end);
      lines.push(stripCarriageReturn(this.rest === "" ? piece : this.rest + piece));
      this.rest = "";
      start = end + 1;
    }
    this.rest += chunk.slice(start);
    return lines;
  }

  /** end returns the last line if the text did not end with a newline, else undefined. */
  end(): string | undefined {
    const last = this.rest;
    this.rest = "";
    return last === "" ? undefined : last;
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
