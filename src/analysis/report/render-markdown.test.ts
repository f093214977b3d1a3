import { describe, expect, it } from 'vitest';
import { codeSpan, escapeCell, escapeInline, escapeParagraph } from './render-markdown.js';

describe('Markdown escaping', () => {
  it('leaves names and arithmetic readable but stops emphasis, links, HTML and entities', () => {
    expect(escapeInline('C_kinetic = 0.8 * x')).toBe('C_kinetic = 0.8 * x');
    expect(escapeInline('_a_ *b*')).toBe('\\_a\\_ \\*b\\*');
    expect(escapeInline('[a](b) [c]')).toBe('[a\\](b) [c]');
    expect(escapeInline('<script> &amp; AT&T')).toBe('\\<script> \\&amp; AT&T');
    expect(escapeInline('a\n  b')).toBe('a b');
  });
  it('escapes table pipes in cells and block markers at line starts', () => {
    expect(escapeCell('a | b')).toBe('a \\| b');
    expect(escapeParagraph('# not a heading\n1. not a list\n- nor this')).toBe(
      '\\# not a heading\n1\\. not a list\n\\- nor this',
    );
  });
  it('fences code spans longer than the backticks inside', () => {
    expect(codeSpan('a.b')).toBe('`a.b`');
    expect(codeSpan('x `y` z')).toBe('``x `y` z``');
    expect(codeSpan('`y`')).toBe('`` `y` ``');
  });
});
