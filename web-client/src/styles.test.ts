// @vitest-environment node
import { readFileSync } from 'node:fs';
import { transformWithEsbuild } from 'vite';

/* The build minifies styles.css with esbuild; a warning there (an unclosed rule) silently nests every later rule. */
test('styles.css parses without a warning', async () => {
  const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
  const { warnings } = await transformWithEsbuild(css, 'styles.css', { loader: 'css' });
  expect(warnings.map((warning) => `${warning.location?.line}: ${warning.text}`)).toEqual([]);
});
