import { REFERRER, type RememberedReferrer, read, write } from './registry';

export type { RememberedReferrer } from './registry';

/** The referrer's name, role and practice, remembered between referrals in the extension's storage. */
export async function loadReferrer(): Promise<RememberedReferrer> {
  const stored = await read(REFERRER);
  return stored.status === 'ok' ? stored.value : REFERRER.fallback;
}

export async function rememberReferrer(referrer: RememberedReferrer): Promise<void> {
  await write(REFERRER, referrer);
}
