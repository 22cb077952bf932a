import { browser } from 'wxt/browser';
import type { Adapter, AdapterField } from '../../domain/adapters/adapter';
import { originsFor } from '../shared/content-scripts';

export type AdapterTestResult = { banner: boolean; fields: Partial<Record<AdapterField, string>> };
export type TabChoice = { id: number; title: string; url: string };

/**
 * Asks the browser, in the champion's click, for the adapter's sites (already-allowed sites answer at once), then gives
 * the open tabs at the adapter's addresses. Nothing is saved or registered: the reader runs once, from this page.
 * Undefined when the browser was not allowed.
 */
export async function allowAndFindTabs(adapter: Adapter): Promise<TabChoice[] | undefined> {
  const granted = await browser.permissions.request({ origins: originsFor(adapter.matches) });
  if (!granted) return undefined;
  const tabs = await browser.tabs.query({ url: [...adapter.matches] });
  return tabs.flatMap((tab) =>
    tab.id !== undefined && tab.url ? [{ id: tab.id, title: tab.title || tab.url, url: tab.url }] : [],
  );
}

/** Runs the adapter's reader in the tab (the built reader, injected, then called with the adapter as its argument). */
export async function testAdapterInTab(tabId: number, adapter: Adapter): Promise<AdapterTestResult> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/adapter-reader.js'] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: (given: Adapter) =>
      (
        globalThis as unknown as {
          socialPrescribingPadReadFields: (adapter: Adapter) => AdapterTestResult;
        }
      ).socialPrescribingPadReadFields(given),
    args: [adapter],
  });
  return result?.result as AdapterTestResult;
}
