import { describe, expect, it } from 'vitest';
import { escapeHtml, sectionAnchors } from './render-html.js';

describe('HTML helpers', () => {
  it('escapes the five characters with meaning in HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('makes section ids valid and unique', () => {
    const sections = ['q1', 'q1', 'a b/c', '***'].map((id) => ({ id, title: id, blocks: [] }));
    expect(sectionAnchors(sections)).toEqual(['q1', 'q1-2', 'a-b-c', 'section-4']);
  });
});
