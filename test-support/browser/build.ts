import { execFileSync } from 'node:child_process';

/**
 * The tests' build of the extension (.output/chrome-mv3), which the real-browser tests, `npm run bench` and
 * `npm run soak` load: a production build plus the demo practice system's sites on this computer (WXT_DEMO_SITES,
 * wxt.config.ts), so that the content script runs on the demo server and the outbox may reach a queue on 127.0.0.1.
 */
export function buildTestExtension(stdio: 'inherit' | 'ignore' = 'inherit'): void {
  execFileSync('npx', ['wxt', 'build'], { stdio, env: { ...process.env, WXT_DEMO_SITES: 'true' } });
}
