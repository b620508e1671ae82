/** An ALTO or hOCR file that cannot be read; `line` is 1-based, when known. */
export class LayoutError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'LayoutError';
    this.line = line;
  }
}
