import { execFileSync } from 'node:child_process';

/** The Firefox tests load the extension as built for Firefox (MV3, wxt.config.ts): build it once per run. */
export default function setup(): void {
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
}
