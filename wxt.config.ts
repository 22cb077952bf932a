import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { minify } from 'terser';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/** `npm start`'s build (scripts/start.mjs): the example model seeded (app/pad/demo-seed.ts), in a folder of its own. */
const demo = process.env.WXT_SEED_DEMO_MODEL === 'true';
/**
 * The demo practice system and a queue on this computer (127.0.0.1, localhost) are in the manifest only in the demo
 * build and the tests' build (`WXT_DEMO_SITES=true`: test-support/browser/build.ts). A production build (`wxt build`)
 * has neither their host permissions nor the content script for them: practice systems and the queue are asked for
 * at run time (options page).
 */
const demoSites = demo || process.env.WXT_DEMO_SITES === 'true';
const DEMO_SITES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: demo ? '.output/demo' : '.output',
  hooks: {
    // The content script runs in every practice page and is kept small: it uses the browser's own promise-based
    // `browser` (Firefox) or `chrome` (Chromium, MV3) through WXT's plain 'wxt/browser', not the webextension-polyfill
    // the other entrypoints are given (the module above aliases 'wxt/browser' to it).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = (config.resolve?.alias ?? {}) as Record<string, string>;
      delete alias['wxt/browser'];
      alias['wxt/utils/content-script-context'] = resolve(import.meta.dirname, 'app/content/script-context.ts');
      // WXT's start-up wrapper logs a crash through its own logger, which prints nothing in a production build; its
      // calls are kept only because their spread arguments might have side effects. Marked pure, the logger goes.
      config.build ??= {};
      config.build.rollupOptions ??= {};
      config.build.rollupOptions.treeshake = { manualPureFunctions: ['logger.error'] };
      config.plugins = [...(config.plugins ?? []), terserPass()];
    },
    // The practice content script is built either way: the options page registers it for each champion's adapter.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (demoSites) return;
      manifest.content_scripts = manifest.content_scripts?.filter(
        (script) => !script.matches?.every((match) => DEMO_SITES.includes(match)),
      );
      if (!manifest.content_scripts?.length) delete manifest.content_scripts;
    },
  },
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Social Prescribing Pad',
    description: 'Refer to social prescribing beside the consultation, checked against the service’s agreed model.',
    // scripting: the options page registers the practice content script for origins a champion adds, and runs an
    // adapter being edited in a tab to show what it reads.
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting'],
    // Practice-system and queue origins a champion adds are asked for when they add them (options page).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Enterprise policy may set the same settings; the options page shows them as locked.
    storage: { managed_schema: 'managed_schema.json' },
    // The demo practice system and a queue on this machine: the demo and the tests' build only (above).
    ...(demoSites ? { host_permissions: DEMO_SITES } : {}),
    // The toolbar badge counts referrals waiting to be sent or needing attention.
    action: { default_title: 'Social Prescribing Pad' },
    browser_specific_settings: { gecko: { id: 'social-prescribing-pad@example.nhs.uk' } },
    commands: {
      'toggle-pad': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Open or close the social prescribing pad',
      },
    },
    // The sidebar frames the pad on any practice system, including those a champion or a policy adds at run time (a
    // manifest cannot add origins then): so every http(s) page, the same set as optional_host_permissions. Only through
    // the per-session dynamic URL, which only our own scripts know: Chromium refuses the static chrome-extension://<id>/
    // URL to every web page, so no page can probe for the extension. A page that frames the pad by other means gets a pad
    // that shows nothing: only our content script knows the nonce of the frame handshake (app/pad/pad-link.ts).
    web_accessible_resources: [
      { resources: ['pad.html'], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true },
    ],
  },
});

/**
 * The content script runs in every practice page, so its size is a goal (`npm run bench -- practice`): after the
 * build's own minifier, terser compresses it again (three passes, none of terser's unsafe options), which saves about
 * 180 bytes gzipped that neither minifier finds alone.
 */
function terserPass(): Plugin {
  return {
    name: 'content-script-terser-pass',
    async generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const { code } = await minify(chunk.code, { compress: { passes: 3 }, mangle: true, ecma: 2020 });
        if (code) chunk.code = code;
      }
    },
  };
}
