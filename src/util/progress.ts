/**
 * Progress on long runs: on a terminal, a bar with counts, rate and time left;
 * when piped or in CI, a few plain lines (every quarter) so logs stay short.
 */
export class Progress {
  private started = performance.now();
  private lastDraw = 0;
  private lastQuarter = -1;
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(out.isTTY) && !process.env.CI;
  }

  /** Report `done` of `total`. */
  update(done: number): void {
    if (this.total < 20) return;
    const now = performance.now();
    const rate = done / Math.max(0.001, (now - this.started) / 1000);
    const left = rate > 0 ? (this.total - done) / rate : 0;
    if (this.tty) {
      if (now - this.lastDraw < 100 && done < this.total) return;
      this.lastDraw = now;
      const width = 24;
      const filled = Math.round((done / this.total) * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      this.out.write(`\r${this.label.padEnd(10)} ${bar} ${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')}  ${rate.toFixed(0)}/s  ${left.toFixed(0)} s left `);
      if (done >= this.total) this.out.write('\n');
    } else {
      const quarter = Math.floor((done / this.total) * 4);
      if (quarter === this.lastQuarter) return;
      this.lastQuarter = quarter;
      this.out.write(`${this.label}: ${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} (${rate.toFixed(0)}/s)\n`);
    }
  }

  /** One line that a stage started (plain in both modes). */
  static note(message: string, out: NodeJS.WriteStream = process.stderr): void {
    out.write(`${message}\n`);
  }
}
