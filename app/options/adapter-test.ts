import { browser } from 'wxt/browser';
import type { Adapter, AdapterField } from '../../domain/adapters/adapter';

export type AdapterTestResult = { banner: boolean; fields: Partial<Record<AdapterField, string>> };
export type TabChoice = { id: number; title: string; url: string };

/** The open tabs whose pages the extension may read (those on origins it has permission for). */
export async function readableTabs(): Promise<TabChoice[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((tab) =>
    tab.id !== undefined && tab.url && /^https?:/.test(tab.url)
      ? [{ id: tab.id, title: tab.title || tab.url, url: tab.url }]
      : [],
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
