// Writes schema/episode.schema.json from the zod schema of the episode format, so editors can check
// episode files as they check scenarios (`npm run schema` writes both). write-episode-schema.test.ts
// fails when the committed file differs from what this would write.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaPath } from '../../scenario/write-schema.js';
import { episodeJsonSchema } from './episode-schema.js';

/** The exact text of schema/episode.schema.json. */
export function episodeSchemaText(): string {
  const schema = { ...episodeJsonSchema(), $id: 'https://brink.invalid/schema/episode.schema.json' };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Path of the committed episode schema, beside the scenario schema. */
export function episodeSchemaPath(): string {
  return join(dirname(schemaPath()), 'episode.schema.json');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(episodeSchemaPath(), episodeSchemaText());
  console.log(`wrote ${episodeSchemaPath()}`);
}
