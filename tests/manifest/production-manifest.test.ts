// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The manifest a practice installs: `wxt build` as `npm run build` runs it (no demo or test variables), into a folder of
 * its own so that the tests' build is left alone.
 */
const outDir = mkdtempSync(join(tmpdir(), 'sp-pad-production-'));
const { WXT_DEMO_SITES: _sites, WXT_SEED_DEMO_MODEL: _seed, ...env } = process.env;
let manifest: {
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
};

beforeAll(() => {
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `await (await import('wxt')).build({ outDir: ${JSON.stringify(outDir)} });`],
    { env, stdio: 'ignore' },
  );
  manifest = JSON.parse(readFileSync(join(outDir, 'chrome-mv3', 'manifest.json'), 'utf8'));
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the production manifest', () => {
  it('holds no site on this computer: no localhost or 127.0.0.1 host permission, no content script for the demo', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it('still ships the practice content script, which the options page registers for each adapter’s sites', () => {
    expect(existsSync(join(outDir, 'chrome-mv3', 'content-scripts', 'practice.js'))).toBe(true);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });
});
