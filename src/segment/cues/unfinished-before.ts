/**
 * The paragraph before stops mid-sentence: the article's column went on
 * elsewhere (another page or column), so what follows on this page is
 * another article. An inner heading follows a finished paragraph.
 */
import { endsSentence } from '../../util/chars.ts';
import type { Cue } from './context.ts';

export const unfinishedBefore: Cue = ({ article }) => {
  const last = article.paragraphs[article.paragraphs.length - 1];
  if (!last || last.kind === 'heading') return 0;
  const t = last.text.trim();
  return endsSentence(t) || /[：:；;]$/u.test(t) ? 0 : 1;
};
