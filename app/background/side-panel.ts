import { browser } from 'wxt/browser';

/** Chrome and Edge: the toolbar button opens the pad in the browser's side panel (Firefox has its own sidebar button). */
export function openSidePanelOnAction(): void {
  const sidePanel = (
    browser as unknown as {
      sidePanel?: { setPanelBehavior(options: { openPanelOnActionClick: boolean }): Promise<void> };
    }
  ).sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
}
