/**
 * Per-stage timing. `time(stage, fn)` adds the time `fn` takes to the stage's
 * total; `DEBUG=archive:*` prints the table at the end of a build.
 */
const totals = new Map<string, { ms: number; calls: number }>();

/** Run `fn` and add its duration to `stage`. */
export function time<T>(stage: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    const t = totals.get(stage) ?? { ms: 0, calls: 0 };
    t.ms += performance.now() - start;
    t.calls++;
    totals.set(stage, t);
  }
}

/** Add a duration measured elsewhere to `stage`. */
export function recordTime(stage: string, ms: number, calls = 1): void {
  const t = totals.get(stage) ?? { ms: 0, calls: 0 };
  t.ms += ms;
  t.calls += calls;
  totals.set(stage, t);
}

/** Await `fn` and add its duration to `stage`. */
export async function timeAsync<T>(stage: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    const t = totals.get(stage) ?? { ms: 0, calls: 0 };
    t.ms += performance.now() - start;
    t.calls++;
    totals.set(stage, t);
  }
}

/** Timing table rows, slowest first. */
export function timings(): Array<{ stage: string; ms: number; calls: number }> {
  return [...totals].map(([stage, t]) => ({ stage, ...t })).sort((a, b) => b.ms - a.ms);
}

/** True when DEBUG names archive stages. */
export function debugEnabled(): boolean {
  return /(^|,)archive(:\*|\*|:)/.test(process.env.DEBUG ?? '');
}
