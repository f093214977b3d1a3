import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { episodeSchemaPath, episodeSchemaText } from './write-episode-schema.js';

describe('JSON Schema of the episode format', () => {
  test('the committed schema/episode.schema.json is what write-episode-schema.ts generates', () => {
    // If this fails: npm run schema
    expect(readFileSync(episodeSchemaPath(), 'utf8')).toBe(episodeSchemaText());
  });

  test('names the fields an episode file has', () => {
    const schema = JSON.parse(episodeSchemaText()) as { properties: Record<string, unknown> };
    for (const field of ['id', 'decision', 'real_choice', 'situation'])
      expect(schema.properties).toHaveProperty(field);
  });
});
