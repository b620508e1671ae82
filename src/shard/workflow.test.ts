import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.join(import.meta.dirname, '../..');
const text = fs.readFileSync(path.join(ROOT, '.github/workflows/build-shards.yml'), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix?: Record<string, unknown> };
  steps: Step[];
}

describe('.github/workflows/build-shards.yml', () => {
  const workflow = parse(text, { prettyErrors: true }) as { on: unknown; jobs: Record<string, Job> };
  const { plan, shard, merge } = workflow.jobs;
  const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
  const uses = (job: Job) => job.steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);

  it('should build every shard of the plan in a matrix job and upload it', () => {
    expect(shard.needs).toBe('plan');
    expect(shard.strategy?.matrix?.only).toBe('${{ fromJSON(needs.plan.outputs.shards) }}');
    expect(runs(shard)).toMatch(/npx archive build --only "\$ONLY" --output "shards\/\$NAME" --base-path "\$BASE_PATH" --site-url "\$SITE_URL"/);
    expect(uses(shard)).toContain('actions/upload-artifact');
    expect(runs(plan)).toMatch(/find articles/);
  });

  it('should merge the downloaded shards and deploy to GitHub Pages and to object storage', () => {
    expect(merge.needs).toBe('shard');
    expect(uses(merge)).toEqual(expect.arrayContaining(['actions/download-artifact', 'actions/upload-pages-artifact', 'actions/deploy-pages']));
    expect(runs(merge)).toMatch(/npx archive merge shards\/\* --output _site --base-path "\$BASE_PATH" --site-url "\$SITE_URL"/);
    expect(runs(merge)).toMatch(/rclone sync/);
    // Pages gets the merged site, not a shard.
    expect(uses(merge).indexOf('actions/upload-pages-artifact')).toBeGreaterThan(-1);
    expect(merge.steps.findIndex((s) => s.run?.includes('archive merge'))).toBeLessThan(merge.steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact')));
  });

  it('should name in the README every secret and variable it reads', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const names = [...new Set([...text.matchAll(/\b(?:secrets|vars)\.([A-Z0-9_]+)/g)].map((m) => m[1]))];
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => !readme.includes(`\`${n}\``))).toEqual([]);
  });
});
