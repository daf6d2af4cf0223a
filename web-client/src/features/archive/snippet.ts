import { html, type TemplateResult } from 'lit';

/** One piece of a search snippet: plain text, or text the search engine highlighted. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const MARK = /<(\/?)mark>/gi;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|#39));/gi;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/**
 * Splits a server snippet into text and highlighted parts. The server HTML-escapes the text and
 * adds only `<mark>`/`</mark>`; so the marks are the only tags honoured, and every other piece
 * is entity-decoded into plain text (rendered as a text node: `&lt;script&gt;` shows as
 * "<script>" and never becomes an element). Unbalanced marks are tolerated.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let last = 0;
  const push = (raw: string): void => {
    if (raw === '') return;
    const text = decodeEntities(raw);
    const previous = parts[parts.length - 1];
    if (previous && previous.marked === marked) previous.text += text;
    else parts.push({ text, marked });
  };
  for (const match of snippet.matchAll(MARK)) {
    push(snippet.slice(last, match.index));
    marked = match[1] !== '/';
    last = match.index + match[0].length;
  }
  push(snippet.slice(last));
  return parts;
}

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : NaN;
    if (!Number.isNaN(code)) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED[(name ?? '').toLowerCase()] ?? whole;
  });
}

/** The snippet as Lit text bindings and `<mark>` elements; never as HTML. */
export function renderSnippet(snippet: string): TemplateResult {
  return html`${parseSnippet(snippet).map((part) => (part.marked ? html`<mark>${part.text}</mark>` : part.text))}`;
}
