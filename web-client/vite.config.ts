import { defineConfig } from 'vitest/config';

export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  // a test's own waits (PATIENCE_MS in test-support/dom) must end before the runner gives up on it
  test: { environment: 'jsdom', globals: true, testTimeout: 20_000 },
});
