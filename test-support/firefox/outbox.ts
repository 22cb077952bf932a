import type { Page } from 'puppeteer-core';
import { readOutboxInPage } from '../browser/read-outbox';

export type OutboxRow = {
  id: string;
  status: string;
  nhsNumber?: string;
  needs: string[];
  /** The link worker's status, once the background has read the referral's Task. */
  linkWorker?: { status: string };
};

/**
 * The outbox rows as the background stored them in the extension's IndexedDB, read with the plain IndexedDB API from
 * one of its pages (in Firefox a page of the extension shares the background's IndexedDB). Empty until the background
 * has created the database: a database opened here first would be created empty, so that open is aborted.
 */
export async function outboxRows(extensionPage: Page): Promise<OutboxRow[]> {
  return extensionPage.evaluate(readOutboxInPage<OutboxRow>);
}
