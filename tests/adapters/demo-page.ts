import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../../demo');

/** Puts the demo practice system's page into the test's document and runs its script (once per test file). */
export async function loadDemoPractice(): Promise<void> {
  const html = readFileSync(join(root, 'practice/index.html'), 'utf8');
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
  const app = pathToFileURL(join(root, 'practice/app.js')).href;
  await import(/* @vite-ignore */ app);
}

/** The other supplier's page (static markup). */
export function loadOtherSystem(): void {
  const html = readFileSync(join(root, 'other-system/index.html'), 'utf8');
  document.body.innerHTML = (/<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '').replace(/<!--[\s\S]*?-->/g, '');
}
