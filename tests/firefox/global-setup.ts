import { execFileSync } from 'node:child_process';

/**
 * The Firefox tests load the extension as built for Firefox (MV3, wxt.config.ts), with the demo practice system's sites
 * (WXT_DEMO_SITES, as the Chromium tests' build): build it once per run.
 */
export default function setup(): void {
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], {
    stdio: 'inherit',
    env: { ...process.env, WXT_DEMO_SITES: 'true' },
  });
}
