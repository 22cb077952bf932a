import { browser } from 'wxt/browser';
import { z } from 'zod';

const KEY = 'referrer';

const rememberedSchema = z.object({ name: z.string(), role: z.string(), odsCode: z.string() }).partial();
export type RememberedReferrer = z.output<typeof rememberedSchema>;

/** The referrer's name, role and practice, remembered between referrals in the extension's storage. */
export async function loadReferrer(): Promise<RememberedReferrer> {
  const parsed = rememberedSchema.safeParse((await browser.storage.local.get(KEY))[KEY] ?? {});
  return parsed.success ? parsed.data : {};
}

export async function rememberReferrer(referrer: RememberedReferrer): Promise<void> {
  await browser.storage.local.set({ [KEY]: rememberedSchema.parse(referrer) });
}
