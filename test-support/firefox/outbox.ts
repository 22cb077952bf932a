import type { Page } from 'puppeteer-core';

export type OutboxRow = { id: string; status: string; nhsNumber?: string; needs: string[] };

/**
 * The outbox rows as the background stored them in the extension's IndexedDB, read with the plain IndexedDB API from
 * one of its pages (in Firefox a page of the extension shares the background's IndexedDB). Empty until the background
 * has created the database: a database opened here first would be created empty, so that open is aborted.
 */
export async function outboxRows(extensionPage: Page): Promise<OutboxRow[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<OutboxRow[]>((done, fail) => {
        const open = indexedDB.open('outbox');
        let missing = false;
        open.onupgradeneeded = () => {
          missing = true;
          open.transaction?.abort();
        };
        open.onerror = () => (missing ? done([]) : fail(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('referrals')) {
            db.close();
            return done([]);
          }
          const all = db.transaction('referrals').objectStore('referrals').getAll();
          all.onsuccess = () => {
            db.close();
            done(all.result);
          };
          all.onerror = () => fail(all.error);
        };
      }),
  );
}
