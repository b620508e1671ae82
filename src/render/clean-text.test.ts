import { describe, expect, it } from 'vitest';
import { plainText, revealControls, stripBidi } from './clean-text.ts';

describe('stripBidi', () => {
  it('should remove U+202A–U+202E and U+2066–U+2069', () => {
    expect(stripBidi('a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j')).toBe('abcdefghij');
  });
});

describe('plainText', () => {
  it('should collapse whitespace, drop controls and treat null as empty', () => {
    expect(plainText(' 标题\u0007\n 第二行 \u202E')).toBe('标题 第二行');
    expect(plainText(null)).toBe('');
  });
});

describe('revealControls', () => {
  it('should show bidi and control characters as code points', () => {
    expect(revealControls('a\u202Eb\u0000c\nd')).toBe('a⟨U+202E⟩b⟨U+0000⟩c\nd');
  });
});
