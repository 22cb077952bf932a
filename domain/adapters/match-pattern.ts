import type { Adapter } from './adapter';

/**
 * Whether a URL matches a browser match pattern ("<all_urls>", "*://*.example.com/*", "http://127.0.0.1/*"), with the
 * browsers' rules: `*` as scheme is http or https; a host of `*.x` is x and its subdomains; no port in the pattern means
 * any port; the path is a glob where `*` is any run of characters.
 */
export function matchesUrl(pattern: string, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (pattern === '<all_urls>') return ['http', 'https', 'file'].includes(scheme);
  const match = /^(\*|https?|file):\/\/([^/:]*)(?::(\d+|\*))?(\/.*)$/.exec(pattern);
  if (!match) return false;
  const [, patternScheme, host = '', port, path = '/'] = match;
  if (patternScheme === '*' ? scheme !== 'http' && scheme !== 'https' : patternScheme !== scheme) return false;
  if (host !== '*' && host !== '') {
    const hostname = parsed.hostname.toLowerCase();
    const wanted = host.toLowerCase();
    if (wanted.startsWith('*.')) {
      const base = wanted.slice(2);
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== wanted) return false;
  }
  if (port !== undefined && port !== '*' && parsed.port !== port) return false;
  const glob = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return glob.test(parsed.pathname + parsed.search);
}

/** The first adapter one of whose patterns matches the URL: list specific adapters before generic ones. */
export function adapterFor(adapters: readonly Adapter[], url: string): Adapter | undefined {
  return adapters.find((adapter) => adapter.matches.some((pattern) => matchesUrl(pattern, url)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
