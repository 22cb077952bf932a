/**
 * Reads every outbox row the background stored in the extension's IndexedDB, with the plain IndexedDB API. Runs in an
 * extension page (pass it to page.evaluate, Playwright's or Puppeteer's), so it uses nothing from this module's scope.
 * Opening a database that does not exist yet would create an empty one at version 1: that open is aborted, so the
 * background's own open (which creates the stores) is never blocked by a handle held here, and the answer is empty.
 */
export function readOutboxInPage<Row>(): Promise<Row[]> {
  return new Promise<Row[]>((done, fail) => {
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
  });
}
