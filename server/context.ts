import type { AddressLimit } from './auth/address-limit';
import type { RateLimit } from './fhir/rate-limit';
import { type ReadDelivery, readHere } from './fhir/readers';
import type { Db } from './store/db';

/** What every route needs: the database and the clock (a test may move it on). The process keeps no state of its own. */
export type Service = {
  db: Db;
  now: () => Date;
  /** How long a link worker's session lasts from sign-in. */
  sessionLifetimeMs: number;
  /** The largest referral body accepted, in bytes. */
  maxBodyBytes: number;
  /** Browser origins allowed to call the FHIR routes besides the extensions' own (chrome-extension://, moz-extension://). */
  corsOrigins: string[];
  /** Requests a practice token may make on the FHIR routes (per process); perMinute 0 turns the limit off. */
  rateLimit: RateLimit;
  /** How a delivery's body is read: here, or on reader threads (server/fhir/readers.ts) that whoever starts the service owns. */
  read: ReadDelivery;
  /** Per client address: sign-in attempts, and requests whose practice token was refused. */
  addressLimits: { signIns: AddressLimit; refusedTokens: AddressLimit };
  /** `serve` on an embedded data directory: the secret its operator's commands carry (server/admin/). */
  adminSecret?: string;
};

/** Generous: a practice sends a few referrals an hour and polls their Tasks; an outbox draining after a day offline fits. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perMinute: 1200, burst: 1200 };

/**
 * A team signing in at the start of the day fits in the burst; a script trying passwords gets 10 a minute. A practice
 * whose token was revoked is told so (401) for its first 60 tries a minute; a flood of made-up tokens then waits (429).
 */
export const DEFAULT_ADDRESS_LIMITS: Service['addressLimits'] = {
  signIns: { perMinute: 10, burst: 20 },
  refusedTokens: { perMinute: 60, burst: 60 },
};

export function service(db: Db, options: Partial<Omit<Service, 'db'>> = {}): Service {
  return {
    db,
    now: options.now ?? (() => new Date()),
    sessionLifetimeMs: options.sessionLifetimeMs ?? 8 * 60 * 60 * 1000,
    maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
    corsOrigins: options.corsOrigins ?? [],
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    read: options.read ?? readHere,
    addressLimits: options.addressLimits ?? DEFAULT_ADDRESS_LIMITS,
    ...(options.adminSecret ? { adminSecret: options.adminSecret } : {}),
  };
}
