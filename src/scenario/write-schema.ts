// Writes schema/scenario.schema.json from the zod schema, so editors can check scenario files.
// Run after a build: `node dist/src/scenario/write-schema.js`. schema.test.ts fails when the
// committed file differs from what this would write.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from './schema.js';

/** The exact text of schema/scenario.schema.json. */
export function scenarioSchemaText(): string {
  const schema = {
    ...scenarioJsonSchema(),
    $id: 'https://brink.invalid/schema/scenario.schema.json',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Path of the committed schema: schema/ beside the nearest package.json above this file. */
export function schemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the package root');
    dir = up;
  }
  return join(dir, 'schema', 'scenario.schema.json');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(schemaPath(), scenarioSchemaText());
  console.log(`wrote ${schemaPath()}`);
}
