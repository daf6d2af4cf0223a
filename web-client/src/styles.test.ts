// @vitest-environment node
import { transformWithEsbuild } from 'vite';

/** The file's text: vitest empties CSS imports (even `?raw`), and this tsconfig has no Node types for `node:fs`. */
async function styles(): Promise<string> {
  const fs: { readFileSync(path: URL, encoding: 'utf8'): string } = await import(/* @vite-ignore */ 'node:fs' as string);
  return fs.readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
}

/* The build minifies styles.css with esbuild; a warning there (an unclosed rule) silently nests every later rule. */
test('styles.css parses without a warning', async () => {
  const css = await styles();
  expect(css).toContain('yoriai-notification-settings');
  const { warnings } = await transformWithEsbuild(css, 'styles.css', { loader: 'css' });
  expect(warnings.map((warning) => `${warning.location?.line}: ${warning.text}`)).toEqual([]);
});
