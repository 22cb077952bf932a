import { newSecret } from '../auth/secrets';
import { announceService } from '../store/owner';

/** The address a command on this machine reaches a service at, for one listening on every interface. */
function fromHere(url: string): string {
  const address = new URL(url);
  if (address.hostname === '0.0.0.0') address.hostname = '127.0.0.1';
  if (address.hostname === '[::]') address.hostname = '[::1]';
  return address.origin;
}

/**
 * A fresh secret for the operator's commands on a service about to serve the embedded `dataDir`; once it listens,
 * `announce` names its address and the secret in the directory's lock (readable by this user only).
 */
export function commandsFor(dataDir: string): { secret: string; announce: (url: string) => void } {
  const secret = newSecret();
  return { secret, announce: (url) => announceService(dataDir, fromHere(url), secret) };
}
