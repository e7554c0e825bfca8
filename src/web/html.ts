import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Server-rendered HTML with hono/html tagged templates: interpolated strings are escaped. */
export { html, raw };
export type H = HtmlEscapedString | Promise<HtmlEscapedString>;

/** "street_level_dealer" → "Street level dealer": for ids outside the label catalog (release columns). */
export { humanize as human } from '../messages/labels.ts';

/** Citations as a small, de-duplicated line under a number or a statement. */
export function cites(citations: readonly string[] | undefined): H {
  const list = [...new Set(citations ?? [])].filter(Boolean);
  if (!list.length) return html``;
  return html`<p class="cite"><span class="cite-label">Source:</span> ${list.map(
    (c, i) => html`${i ? '; ' : ''}<cite>${c}</cite>`,
  )}</p>`;
}

/** Encodes a case (any JSON) for a URL: base64url of its JSON. */
export const encodeCase = (c: unknown): string => Buffer.from(JSON.stringify(c)).toString('base64url');
export function decodeCase(s: string): unknown {
  try {
    return JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
