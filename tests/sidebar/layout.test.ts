import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freeTop } from '../../app/content/launcher-place';
import { clampPadWidth } from '../../app/content/pad-width';
import { loadSidebarLayout, saveSidebarLayout, sidebarLayoutKey } from '../../app/shared/storage/sidebar-layout';

const ORIGIN = 'https://gp.example.nhs.uk';

describe('the launcher’s place on the right edge', () => {
  // A launcher 190 px tall in a window 768 px tall, wanted 292 px down (38 %).
  it('stays where it is wanted when no text field is beside it', () => {
    expect(freeTop(292, 190, 768, [])).toBe(292);
    expect(freeTop(292, 190, 768, [{ top: 600, bottom: 700 }])).toBe(292);
  });

  it('moves to the nearest free spot, 8 px clear of a field it would cover', () => {
    // The notes box from 250 to 330: above it (250 - 190 - 8 = 52) is nearer than below it (338).
    expect(freeTop(292, 190, 768, [{ top: 250, bottom: 330 }])).toBe(338);
    expect(freeTop(120, 190, 768, [{ top: 250, bottom: 330 }])).toBe(52);
  });

  it('finds a gap between fields, and keeps within the window', () => {
    const fields = [
      { top: 0, bottom: 200 },
      { top: 420, bottom: 768 },
    ];
    expect(freeTop(500, 190, 768, fields)).toBe(222);
    expect(freeTop(100, 190, 768, fields)).toBe(208);
    expect(freeTop(-50, 190, 768, [])).toBe(8);
    expect(freeTop(2000, 190, 768, [])).toBe(570);
  });

  it('stays where wanted (within the window) when the edge has no free spot', () => {
    expect(freeTop(292, 190, 768, [{ top: 0, bottom: 768 }])).toBe(292);
  });
});

describe('the pad’s width', () => {
  it('is kept from 320 px to 60 % of the window, and at least 320 px in a narrow one', () => {
    expect(clampPadWidth(440, 1366)).toBe(440);
    expect(clampPadWidth(100, 1366)).toBe(320);
    expect(clampPadWidth(2000, 1366)).toBe(820);
    expect(clampPadWidth(440, 400)).toBe(320);
  });
});

describe('the sidebar layout as stored, per practice system', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips, with its version beside it', async () => {
    await saveSidebarLayout(ORIGIN, { padWidth: 600, launcherTop: 120 });
    expect(await loadSidebarLayout(ORIGIN)).toEqual({ padWidth: 600, launcherTop: 120 });
    expect(await loadSidebarLayout('https://other.example')).toEqual({});
    expect(await fakeBrowser.storage.local.get(`${sidebarLayoutKey(ORIGIN)}$`)).toEqual({
      [`${sidebarLayoutKey(ORIGIN)}$`]: { v: 1 },
    });
  });

  it('leaves out what is not a size in pixels', async () => {
    await fakeBrowser.storage.local.set({ [sidebarLayoutKey(ORIGIN)]: { padWidth: '600', launcherTop: -4, x: 1 } });
    expect(await loadSidebarLayout(ORIGIN)).toEqual({});
    await fakeBrowser.storage.local.set({ [sidebarLayoutKey(ORIGIN)]: 'wide' });
    expect(await loadSidebarLayout(ORIGIN)).toEqual({});
  });
});
