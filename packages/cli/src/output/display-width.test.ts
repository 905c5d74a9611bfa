import { describe, expect, it } from 'vitest';
import { displayWidth, padToWidth, truncateToWidth } from './display-width';

describe('displayWidth', () => {
  it('counts ASCII, CJK, emoji, combining marks and ANSI codes as a terminal shows them', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('🚀')).toBe(2);
    expect(displayWidth('👩‍🔬')).toBe(2);
    expect(displayWidth('🇫🇷')).toBe(2);
    expect(displayWidth('❤️')).toBe(2);
    expect(displayWidth('\u001b[1mbold\u001b[22m')).toBe(4);
    expect(displayWidth('ｆｕｌｌ')).toBe(8);
  });

  it('pads and truncates by columns, never splitting a character', () => {
    expect(padToWidth('日本', 6)).toBe('日本  ');
    expect(truncateToWidth('日本語テキスト', 7)).toBe('日本語…');
    expect(displayWidth(truncateToWidth('🚀🚀🚀🚀', 5))).toBeLessThanOrEqual(5);
    expect(truncateToWidth('short', 10)).toBe('short');
  });
});
