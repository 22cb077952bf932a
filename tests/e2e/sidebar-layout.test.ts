/**
 * The sidebar beside a consultation at 1,366 × 768 (a common clinic screen): the closed launcher never over a text field
 * of the page, moved by the user where they like; the pad as wide as the user drags it or sets it with the keys. Both
 * remembered for this practice system after a reload. Real Chromium, the built extension, the demo practice system.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  clearExtensionStorage,
  type Harness,
  isPadShown,
  launch,
  openDemo,
  screenshotForDocs,
  toggleByShortcut,
} from '../../test-support/browser/harness';
import {
  type Box,
  focusSidebarPart,
  overlaps,
  pageTextFields,
  sidebarPart,
} from '../../test-support/browser/sidebar-browser';

const SCREEN = { width: 1366, height: 768 };
const BROWSER_ON_SCREEN = { width: 1366, height: 641 };

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await launch();
});
afterAll(() => h?.close());
afterEach(async () => {
  await page?.close();
  await clearExtensionStorage(h);
});

async function openAtClinicSize(): Promise<Page> {
  const opened = await openDemo(h);
  await opened.setViewportSize(SCREEN);
  return opened;
}

const launcherBox = async () => (await sidebarPart(page, 'launcher')).box as Box;
const padWidth = async () => (await sidebarPart(page, 'pad')).box?.width;
/** The text fields the launcher covers now. */
const fieldsUnderLauncher = async () => {
  const launcher = await launcherBox();
  return (await pageTextFields(page)).filter((field) => overlaps(field, launcher));
};
const clearOfFields = () => expect.poll(fieldsUnderLauncher).toEqual([]);

/** A mouse drag from the middle of a box, by (dx, dy), in steps as a hand moves. */
async function drag(box: Box, dx: number, dy: number): Promise<void> {
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

describe('the closed launcher', () => {
  it('covers no text field of the page at 1,366 × 768: the consultation’s notes box stays free', async () => {
    page = await openAtClinicSize();
    await clearOfFields();
    // The browser maximised on that screen: its viewport is 1,366 × 641 (less the taskbar, tabs and toolbar). There,
    // the launcher's old place (38 % down the right edge) lay over the new consultation entry.
    await page.setViewportSize(BROWSER_ON_SCREEN);
    const notes = page.getByLabel('New consultation entry');
    const notesBox = (await notes.boundingBox()) as Box;
    const oldPlace = { x: SCREEN.width - 44, y: BROWSER_ON_SCREEN.height * 0.38, width: 44, height: 160 };
    expect(overlaps(notesBox, oldPlace)).toBe(true);
    await clearOfFields();
    // The click lands on the notes box: the closed pad, laid out unseen over that side of the page, takes no pointer.
    await notes.click();
    await expect.poll(() => notes.evaluate((element) => element === document.activeElement)).toBe(true);
    await clearOfFields();
    expect((await launcherBox()).x).toBeGreaterThanOrEqual(SCREEN.width - 50);
    await screenshotForDocs(page, 'launcher-clear-of-notes.png');
  });

  it('moves off a text field that comes under it when focus enters that field, and when the window is resized', async () => {
    page = await openAtClinicSize();
    await clearOfFields();
    const launcher = await launcherBox();
    // The page puts a search box right under the launcher, and the user clicks into it.
    await page.evaluate((top) => {
      const search = document.createElement('input');
      search.setAttribute('aria-label', 'Search');
      search.style.cssText = `position: fixed; right: 0; top: ${top}px; width: 300px; height: 40px`;
      document.body.append(search);
    }, launcher.y + 20);
    expect(await fieldsUnderLauncher()).toHaveLength(1);
    await page.getByLabel('Search').focus();
    await clearOfFields();
    await page.setViewportSize({ width: 1024, height: 600 });
    await clearOfFields();
  });

  it('can be dragged up or down the edge, without opening the pad, and stays there after a reload', async () => {
    page = await openAtClinicSize();
    await clearOfFields();
    const before = await launcherBox();
    await drag(before, 0, 150);
    await expect.poll(async () => (await launcherBox()).y).toBeGreaterThan(before.y + 100);
    const dropped = await launcherBox();
    expect(await isPadShown(page)).toBe(false);
    expect(await fieldsUnderLauncher()).toEqual([]);
    await page.reload();
    await page.locator('.mw-pname').waitFor();
    await expect.poll(async () => Math.round((await launcherBox()).y)).toBe(Math.round(dropped.y));
    // Dropped on the notes box, it settles at the nearest place clear of it.
    const notes = (await page.getByLabel('New consultation entry').boundingBox()) as Box;
    const now = await launcherBox();
    await drag(now, 0, notes.y - now.y);
    expect(await fieldsUnderLauncher()).toEqual([]);
    expect((await launcherBox()).y).not.toBe(now.y);
  });
});

describe('the pad’s width', () => {
  it('follows a drag of its left edge, from 320 px to 60 % of the window, and is kept on the next open and after a reload', async () => {
    page = await openAtClinicSize();
    await toggleByShortcut(page);
    await expect.poll(padWidth).toBe(440);
    await drag((await sidebarPart(page, 'separator')).box as Box, -200, 0);
    await expect.poll(padWidth).toBe(640);
    await drag((await sidebarPart(page, 'separator')).box as Box, -600, 0);
    await expect.poll(padWidth).toBe(Math.round(SCREEN.width * 0.6));
    await drag((await sidebarPart(page, 'separator')).box as Box, 900, 0);
    await expect.poll(padWidth).toBe(320);
    await drag((await sidebarPart(page, 'separator')).box as Box, -180, 0);
    await expect.poll(padWidth).toBe(500);
    // The launcher sits beside the pad, whatever its width.
    expect((await launcherBox()).x + (await launcherBox()).width).toBeCloseTo(SCREEN.width - 500, 0);

    await toggleByShortcut(page);
    await expect.poll(() => isPadShown(page)).toBe(false);
    await toggleByShortcut(page);
    await expect.poll(padWidth).toBe(500);
    await page.reload();
    await page.locator('.mw-pname').waitFor();
    await toggleByShortcut(page);
    await expect.poll(padWidth).toBe(500);
  });

  it('is a separator the keyboard can move: arrow keys, Home and End, its value the width in pixels', async () => {
    page = await openAtClinicSize();
    await toggleByShortcut(page);
    await expect.poll(padWidth).toBe(440);
    const separator = await sidebarPart(page, 'separator');
    expect(separator.attributes).toMatchObject({
      role: 'separator',
      'aria-orientation': 'vertical',
      'aria-valuenow': '440',
      'aria-valuemin': '320',
      'aria-valuemax': '820',
      tabindex: '0',
    });
    expect(separator.attributes['aria-label']).toMatch(/width/i);
    await focusSidebarPart(page, 'separator');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(padWidth).toBe(472);
    await page.keyboard.press('ArrowRight');
    await expect.poll(padWidth).toBe(456);
    expect((await sidebarPart(page, 'separator')).attributes['aria-valuenow']).toBe('456');
    await page.keyboard.press('End');
    await expect.poll(padWidth).toBe(820);
    await page.keyboard.press('Home');
    await expect.poll(padWidth).toBe(320);
    await page.reload();
    await page.locator('.mw-pname').waitFor();
    await toggleByShortcut(page);
    await expect.poll(padWidth).toBe(320);
  });
});
