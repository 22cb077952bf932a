const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'rev',
  'revd',
  'sir',
  'dame',
  'master',
]);

/**
 * Splits a whole name as banners show it into family and given names: "SMITH, John (Mr)", "Mrs Margaret JONES",
 * "Okafor, Adaeze Ngozi". Titles (in brackets or not) are dropped; the text is otherwise kept as shown.
 */
export function splitName(text: string): { family?: string; given?: string } {
  const clean = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const isTitle = (word: string) => TITLES.has(word.toLowerCase().replace(/\.$/, ''));
  const comma = clean.indexOf(',');
  if (comma >= 0) {
    const family = clean.slice(0, comma).trim();
    const given = clean
      .slice(comma + 1)
      .split(' ')
      .filter((word) => word && !isTitle(word))
      .join(' ');
    return nonEmpty({ family, given });
  }
  const words = clean.split(' ').filter((word) => word && !isTitle(word));
  if (words.length === 0) return {};
  if (words.length === 1) return nonEmpty({ family: words[0] });
  return nonEmpty({ family: words[words.length - 1], given: words.slice(0, -1).join(' ') });
}

function nonEmpty(parts: { family?: string; given?: string }): { family?: string; given?: string } {
  return Object.fromEntries(Object.entries(parts).filter(([, value]) => value)) as { family?: string; given?: string };
}
