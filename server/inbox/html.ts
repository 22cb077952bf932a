import { readFileSync } from 'node:fs';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** One stylesheet (the page's CSP allows only ours): the NHS tokens and primitives the extension shares, then the inbox's. */
export const CSS = ['../../ui/nhs-base.css', './inbox.css']
  .map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'))
  .join('\n');

/** Pages with patient details: nothing cached, nothing framed, no script at all, only our stylesheet. */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/** Rendered by Preact, so every value from a referral (or a service's form) is escaped as text. */
export function html(
  vnode: VNode,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(`<!doctype html>${render(vnode)}`, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...PAGE_HEADERS, ...headers },
  });
}

/** A form field's text, or undefined when it is missing or blank. */
export function field(form: Record<string, unknown>, name: string): string | undefined {
  const value = form[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
