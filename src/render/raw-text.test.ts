import { describe, expect, it } from 'vitest';
import { rawTextHtml } from './raw-text.ts';

describe('rawTextHtml', () => {
  it('should give every line an anchor', () => {
    expect(rawTextHtml('甲\n乙\n')).toBe('<span id="L1">甲</span>\n<span id="L2">乙</span>');
  });

  it('should escape markup and keep template syntax literal', () => {
    expect(rawTextHtml('<script>alert(1)</script> & {{ 7*7 }} **x**')).toBe(
      '<span id="L1">&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ 7*7 }} **x**</span>',
    );
  });

  it('should keep quotes as they are: in element content they are text', () => {
    const html = rawTextHtml('"感受百年历程" \'体验\'');
    expect(html).toBe('<span id="L1">"感受百年历程" \'体验\'</span>');
  });

  it('should write trailing whitespace as character references', () => {
    expect(rawTextHtml('甲 \u3000')).toBe('<span id="L1">甲&#x20;&#x3000;</span>');
  });

  it('should reveal bidi controls', () => {
    expect(rawTextHtml('a\u202Eb')).toBe('<span id="L1">a⟨U+202E⟩b</span>');
  });
});
