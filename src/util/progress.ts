/**
 * Progress on long runs. On a terminal, one line redrawn in place: a bar with
 * counts, rate and time left for the leading stage, and the share done of any
 * stage running beside it (the search index is built while pages render).
 * When piped or in CI, a plain line per stage at each quarter, so logs stay short.
 */
interface Stage {
  label: string;
  done: number;
  total: number;
  started: number;
  lastQuarter: number;
}

export class Progress {
  private readonly stages = new Map<string, Stage>();
  private lastDraw = 0;
  private drawn = false;
  private readonly tty: boolean;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {
    this.tty = Boolean(out.isTTY) && !process.env.CI;
  }

  /** Mark a stage as started before its first unit is done, so its rate counts from here. */
  start(label: string, total: number): void {
    if (!this.stages.has(label)) this.stages.set(label, { label, done: 0, total, started: performance.now(), lastQuarter: 0 });
  }

  /** Report `done` of `total` for a stage. Small stages (under 20 units) are not shown. */
  update(label: string, done: number, total: number): void {
    this.start(label, total);
    const stage = this.stages.get(label)!;
    stage.done = Math.min(done, total);
    stage.total = total;
    if (total < 20) return;
    const finished = stage.done >= total;
    if (this.tty) {
      const now = performance.now();
      if (!finished && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      if (finished) {
        this.clear();
        this.out.write(`${label} ${total.toLocaleString('en-US')} in ${seconds(now - stage.started)}\n`);
        this.stages.delete(label);
      }
      this.draw();
    } else {
      const quarter = Math.floor((stage.done / total) * 4);
      if (quarter === stage.lastQuarter) return;
      stage.lastQuarter = quarter;
      const s = rates(stage);
      this.out.write(`${label}: ${stage.done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${s.rate.toFixed(0)}/s)\n`);
      if (finished) this.stages.delete(label);
    }
  }

  /** One line that a stage started (plain in both modes). */
  note(message: string): void {
    this.clear();
    this.out.write(`${message}\n`);
    this.draw();
  }

  private draw(): void {
    if (!this.tty) return;
    const shown = [...this.stages.values()].filter((s) => s.total >= 20 && s.done < s.total);
    if (!shown.length) return;
    const [lead, ...beside] = shown;
    const { rate, left } = rates(lead);
    const width = 24;
    const filled = Math.round((lead.done / lead.total) * width);
    let line = `${lead.label.padEnd(10)} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${lead.done.toLocaleString('en-US')}/${lead.total.toLocaleString('en-US')}  ${rate.toFixed(0)}/s  ${seconds(left * 1000)} left`;
    for (const s of beside) line += `  · ${s.label} ${Math.floor((s.done / s.total) * 100)}%`;
    this.out.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.tty && this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }
}

function rates(stage: Stage): { rate: number; left: number } {
  const rate = stage.done / Math.max(0.001, (performance.now() - stage.started) / 1000);
  return { rate, left: rate > 0 ? (stage.total - stage.done) / rate : 0 };
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
