import { z } from 'zod/mini';
import { ADAPTER_FIELDS } from './page-fields';

export { ADAPTER_FIELDS, type AdapterField } from './page-fields';

const MATCH_PATTERN = /^(<all_urls>|(\*|https?|file):\/\/(\*|(\*\.)?[^/*:]+)?(:(\d{1,5}|\*))?\/.*)$/;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * A selector's shape, checked without a DOM (the domain runs in Node and in workers too): brackets and quotes balanced,
 * no combinator or comma with nothing on one side, no empty class or id. What passes here and still fails in a browser
 * reads nothing (read-patient's query catches it), and the champion sees that when trying the adapter.
 */
function selectorParses(selector: string): boolean {
  const closing: Record<string, string> = { '(': ')', '[': ']' };
  const open: string[] = [];
  let quote: string | undefined;
  for (const char of selector) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char in closing) open.push(closing[char] as string);
    else if (char === ')' || char === ']') {
      if (open.pop() !== char) return false;
    }
  }
  if (quote || open.length) return false;
  const bare = selector.replace(/"[^"]*"|'[^']*'/g, '""').trim();
  return !/^[>+~,]|[>+~,]$|,\s*,|[.#](?![\w-])/.test(bare);
}

const selectorSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'A CSS selector is empty.'),
    z.maxLength(500, 'A CSS selector is too long (500 characters at most).'),
    z.refine(selectorParses, 'Not a CSS selector the browser understands.'),
  );

/**
 * How to find one field. Either a CSS selector (inside the banner) for the element holding the value, or label text to
 * find the value beside ("NHS No", alternatives separated by "|": "NHS No|NHS Number"); optionally a regular
 * expression whose first capture group (or whole match) is the value — "(\\d{3} ?\\d{3} ?\\d{4})".
 */
export const fieldRuleSchema = z
  .object({
    selector: z.optional(selectorSchema),
    label: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.minLength(1, 'A label is empty.'),
          z.maxLength(200, 'A label is too long (200 characters at most).'),
        ),
    ),
    pattern: z.optional(
      z
        .string()
        .check(
          z.minLength(1, 'A pattern is empty.'),
          z.maxLength(500, 'A pattern is too long (500 characters at most).'),
          z.refine(compiles, 'Not a regular expression.'),
        ),
    ),
  })
  .check(
    z.refine((rule) => rule.selector !== undefined || rule.label !== undefined, 'Give a CSS selector or a label text.'),
  );
export type FieldRule = z.infer<typeof fieldRuleSchema>;

/**
 * A page adapter: plain data a practice champion can edit. For the pages whose URL matches one of `matches` (browser
 * match patterns, e.g. "https://clinical.example-gp.nhs.uk/*"), `banner` is the element that shows the patient (it is
 * watched for changes, and fields are read inside it) and `fields` says how to read each patient field.
 */
export const adapterSchema = z.object({
  id: z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'An adapter id is lower-case letters, digits and dashes (up to 64).')),
  name: z.string().check(z.trim(), z.minLength(1, 'An adapter needs a name.'), z.maxLength(100)),
  matches: z
    .array(
      z
        .string()
        .check(
          z.regex(MATCH_PATTERN, 'Not a URL match pattern (for example https://gp.example.nhs.uk/*).'),
          z.maxLength(500),
        ),
    )
    .check(z.minLength(1, 'An adapter needs at least one URL match pattern.')),
  banner: selectorSchema,
  fields: z.partialRecord(z.enum(ADAPTER_FIELDS), fieldRuleSchema, {
    // zod reports unknown keys of a partial record as 'unrecognized_keys', which its issue type does not list.
    error: (issue) => {
      const { code, keys } = issue as { code: string; keys?: string[] };
      return code === 'unrecognized_keys'
        ? `Not a field an adapter reads: ${keys?.join(', ')} (it reads ${ADAPTER_FIELDS.join(', ')}).`
        : undefined;
    },
  }),
});
export type Adapter = z.infer<typeof adapterSchema>;

export const adapterListSchema = z.array(adapterSchema);
