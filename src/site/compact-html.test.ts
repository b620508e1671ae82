import { describe, expect, it } from 'vitest';
import { compactHtml } from './compact-html.ts';

describe('compactHtml', () => {
  it('should shorten runs of whitespace between tags to one space or one line break', () => {
    expect(compactHtml('<ul>        <li>a</li>\n    <li>b</li>  </ul>')).toBe('<ul> <li>a</li>\n<li>b</li> </ul>');
  });

  it('should keep a single space between inline elements and the text inside elements', () => {
    expect(compactHtml('<a>甲</a> <a>乙</a><p>  两个  空格  </p>')).toBe('<a>甲</a> <a>乙</a><p>  两个  空格  </p>');
  });

  it('should leave pre, textarea and script alone', () => {
    const pre = '<pre class="raw"><span id="L1">甲</span>\n\n<span id="L2">  </span>   <span id="L3">乙</span></pre>';
    const script = '<script type="application/ld+json">{"a": 1}</script>';
    expect(compactHtml(`<div>   ${pre}   </div>\n\n${script}   <p>x</p>`)).toBe(`<div> ${pre} </div>\n${script} <p>x</p>`);
  });
});
