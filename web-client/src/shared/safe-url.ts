/** The schemes a page may link out to. */
export const WEB_SCHEMES = ['http:', 'https:'] as const;

/**
 * `value` as an absolute URL when its scheme is one of `schemes` (e.g. `['https:']`), else null:
 * a link a user typed never becomes `javascript:` or `data:`.
 */
export function safeUrl(value: string, schemes: readonly string[]): string | null {
  try {
    const url = new URL(value.trim());
    return schemes.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
