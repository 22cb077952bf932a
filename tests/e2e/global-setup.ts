import { buildTestExtension } from '../../test-support/browser/build';

/** Real-browser tests load the extension as built for Chrome, with the demo's sites: build it once per run. */
export default function setup(): void {
  buildTestExtension();
}
