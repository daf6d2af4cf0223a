// @vitest-environment node
// A plain-JS test beside the script: the web client's TypeScript has no Node types to read files with.
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { protocolTypes, schemaFile, typesFile } from './protocol-types.mjs';

test('the committed protocol.generated.ts is what the committed schema generates (else: npm run protocol:types)', async () => {
  expect(await readFile(typesFile, 'utf8')).toBe(await protocolTypes());
});

test('a field renamed in the schema changes the generated types', async () => {
  const schema = JSON.parse(await readFile(schemaFile, 'utf8'));
  const posted = schema.$defs.MessagePosted;
  posted.properties.message_id = posted.properties.messageId;
  delete posted.properties.messageId;
  posted.required = ['message_id'];

  const types = await protocolTypes(schema);

  expect(types).toContain('message_id: string;');
  expect(types).not.toBe(await readFile(typesFile, 'utf8'));
});
