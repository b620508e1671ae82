/**
 * Problems are printed one per line as `file:line: severity: message [rule]`,
 * the form editors and CI logs link to.
 */
import type { Problem } from '../types.ts';

/** Format a problem as one line. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? ':' + p.line : ''}: ${p.severity}: ${p.message} [${p.ruleId}]`;
}

/** An error that carries the problems that caused it. */
export class ArchiveError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ArchiveError';
  }
}
