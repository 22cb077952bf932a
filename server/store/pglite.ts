import { fsyncSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import type { Db, Queryable } from './db';

/**
 * How Postgres runs here. PGlite starts it with fsync off (-F), and its Node file system has no fsync at all (a
 * no-op; `SyncedNodeFS` below gives it one), but it opens files with the flags Postgres asks for: so fsync on, with the
 * WAL opened O_DSYNC (open_datasync), puts each commit's WAL on the disk before the referral is acknowledged (hazard
 * HQ8) without a sync call per commit. That costs a commit about 0.3 ms; syncing the WAL file after each commit
 * instead cost 1.2 ms. A new WAL file is not filled with zeros: each 16 MB fill stalled every write behind it for tens
 * of milliseconds, about once every 2,000 referrals (bench); off, only its last byte is written.
 */
const START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'wal_sync_method=open_datasync',
  '-c',
  'wal_init_zero=off',
];

/**
 * The embedded database: Postgres compiled to WebAssembly, in this process. `dataDir` undefined keeps it in memory
 * (tests). One connection: PGlite runs queries and transactions one at a time, in order.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = new PGlite({ startParams: START_PARAMS, ...(dataDir ? { fs: new SyncedNodeFS(dataDir) } : {}) });
  await pg.waitReady;
  const wrap = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await target.query<T>(sql, params)).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
  };
}

/** Emscripten's file system as far as it is used here: a data directory file's operations, and its errors. */
type EmscriptenFs = {
  lookupPath(path: string): { node: { stream_ops: { fsync?: (stream: { nfd?: number }) => number } } };
  ErrnoError: new (errno: number) => Error;
};
/** The Emscripten module PGlite starts Postgres in, as its file system is given it. */
type PostgresModule = Parameters<NodeFS['init']>[1];
/** Where PGlite mounts the data directory, and Emscripten's number for EIO. */
const PGDATA = '/pglite/data';
const EIO = 29;

/**
 * PGlite's Node file system with the fsync it lacks (hazard HQ8b, was OPEN-4), given before Postgres starts: a
 * checkpoint — at the end of recovery, PGlite's own after each 1 GB of WAL while serving, the last one at close —
 * syncs the data files it wrote and pg_control before the WAL that covered them is dropped, as Postgres orders it, so
 * those syncs must reach the disk. They happen only at checkpoints and when a WAL file is made, never per commit. A
 * failed sync fails Postgres's call, which stops it (PANIC) rather than carry on with data it cannot trust; the next
 * start recovers from the WAL.
 */
class SyncedNodeFS extends NodeFS {
  override async init(pg: PGlite, options: PostgresModule) {
    const { emscriptenOpts } = await super.init(pg, options);
    const syncForReal = (mod: PostgresModule) => {
      const fs = mod.FS as unknown as EmscriptenFs;
      fs.lookupPath(PGDATA).node.stream_ops.fsync = (stream) => {
        try {
          if (stream.nfd !== undefined) fsyncSync(stream.nfd);
          return 0;
        } catch {
          throw new fs.ErrnoError(EIO);
        }
      };
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), syncForReal] } };
  }
}
