import type { Db } from './store/db';

/** What every route needs: the database and the clock (a test may move it on). The process keeps nothing else. */
export type Service = {
  db: Db;
  now: () => Date;
  /** How long a link worker's session lasts from sign-in. */
  sessionLifetimeMs: number;
  /** The largest referral body accepted, in bytes. */
  maxBodyBytes: number;
  /** Browser origins allowed to call the FHIR routes besides the extensions' own (chrome-extension://, moz-extension://). */
  corsOrigins: string[];
};

export function service(db: Db, options: Partial<Omit<Service, 'db'>> = {}): Service {
  return {
    db,
    now: options.now ?? (() => new Date()),
    sessionLifetimeMs: options.sessionLifetimeMs ?? 8 * 60 * 60 * 1000,
    maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
    corsOrigins: options.corsOrigins ?? [],
  };
}
