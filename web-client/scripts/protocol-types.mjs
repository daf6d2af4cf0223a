// Generates src/net/protocol.generated.ts from the schema the server's records generate
// (src/net/protocol.schema.json, checked by the server's ProtocolSchemaTest). With --check it only
// fails when the committed file is not what the schema generates, so a build never ships stale types.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

export const schemaFile = fileURLToPath(new URL('../src/net/protocol.schema.json', import.meta.url));
export const typesFile = fileURLToPath(new URL('../src/net/protocol.generated.ts', import.meta.url));

/** The TypeScript of `schema`, by default the committed one. */
export async function protocolTypes(schema) {
  const types = await compile(schema ?? JSON.parse(await readFile(schemaFile, 'utf8')), 'Protocol', {
    additionalProperties: false,
    unreachableDefinitions: true,
    bannerComment:
      '/* Generated from protocol.schema.json by `npm run protocol:types`; do not edit. See docs/decisions.md. */',
  });
  // every definition is "referenced by Protocol"; the note only makes the file long
  return types.replace(/\/\*\*\n \* This interface was referenced by `Protocol`'s JSON-Schema\n \* via the `definition` "\w+"\.\n \*\/\n/g, '');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const generated = await protocolTypes();
  if (process.argv.includes('--check')) {
    const committed = await readFile(typesFile, 'utf8').catch(() => '');
    if (committed !== generated) {
      console.error(`${typesFile} is not what protocol.schema.json generates; run npm run protocol:types`);
      process.exit(1);
    }
  } else {
    await writeFile(typesFile, generated);
  }
}
