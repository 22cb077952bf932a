import { execFileSync } from 'node:child_process';

/** Real-browser tests load the extension as built for Chrome: build it once per run. */
export default function setup(): void {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
