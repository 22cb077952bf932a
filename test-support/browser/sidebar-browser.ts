/**
 * What the sidebar's real-browser tests read inside our host's closed shadow root, through DevTools (page scripts and
 * Playwright's selectors cannot enter it): the launcher, the pad's left-edge separator and the pad's frame, each with
 * its box on screen and its attributes; and the page's own text fields.
 */
import type { CDPSession, Page } from 'playwright-core';

export type Box = { x: number; y: number; width: number; height: number };
export type InSidebar = { nodeId: number; attributes: Record<string, string>; box: Box | undefined };
type Node = { nodeId: number; localName: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };

const attributesOf = (node: Node) => {
  const list = node.attributes ?? [];
  return Object.fromEntries(list.flatMap((name, index) => (index % 2 === 0 ? [[name, list[index + 1] ?? '']] : [])));
};

/** The first element inside our host that `wanted` picks (by its tag name and attributes); undefined when none. */
async function findInSidebar(
  cdp: CDPSession,
  wanted: (localName: string, attributes: Record<string, string>) => boolean,
): Promise<InSidebar | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const find = (node: Node, inHost: boolean): Node | undefined => {
    if (inHost && wanted(node.localName, attributesOf(node))) return node;
    const within = inHost || node.localName === 'social-prescribing-pad';
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
      const found = find(child, within);
      if (found) return found;
    }
    return undefined;
  };
  const node = find(root, false);
  if (!node) return undefined;
  const model = await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId }).catch(() => undefined);
  const quad = (model as { model: { border: number[] } } | undefined)?.model.border;
  const box = quad && boxOf(quad);
  return { nodeId: node.nodeId, attributes: attributesOf(node), box };
}

function boxOf(quad: number[]): Box {
  const xs = quad.filter((_, index) => index % 2 === 0);
  const ys = quad.filter((_, index) => index % 2 === 1);
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

const PICK = {
  launcher: (name: string) => name === 'button',
  separator: (_: string, attributes: Record<string, string>) => attributes.role === 'separator',
  pad: (name: string) => name === 'iframe',
};

/** The launcher, the pad's left-edge separator or the pad's frame, as it is now. */
export async function sidebarPart(page: Page, part: keyof typeof PICK): Promise<InSidebar> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const found = await findInSidebar(cdp, PICK[part]);
    if (!found) throw new Error(`No ${part} in the sidebar.`);
    return found;
  } finally {
    await cdp.detach();
  }
}

/** Focuses a part of the sidebar as a keyboard user's Tab would reach it. */
export async function focusSidebarPart(page: Page, part: keyof typeof PICK): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const found = await findInSidebar(cdp, PICK[part]);
    if (!found) throw new Error(`No ${part} in the sidebar.`);
    await cdp.send('DOM.focus', { nodeId: found.nodeId });
  } finally {
    await cdp.detach();
  }
}

/** The boxes of the page's visible text fields (input, textarea, contenteditable), as the page lays them out. */
export function pageTextFields(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('input, textarea, [contenteditable]'))
      .filter(
        (element) => !['button', 'checkbox', 'radio', 'submit', 'hidden'].includes((element as HTMLInputElement).type),
      )
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0)
      .map(({ x, y, width, height }) => ({ x, y, width, height })),
  );
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
