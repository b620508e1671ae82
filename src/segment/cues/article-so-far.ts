/** What the open article already holds: inner headings so far, and its length. */
import type { Cue } from './context.ts';

/** The article already has an inner heading: stories with sections have several. */
export const headingsSoFar: Cue = ({ article }) => (article.paragraphs.some((p) => p.kind === 'heading') ? 1 : 0);

/** The article has run for a while: 0 after one paragraph, 1 after eight or more. */
export const runLength: Cue = ({ article }) => Math.min(1, Math.max(0, (article.paragraphs.length - 1) / 7));
