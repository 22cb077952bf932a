import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The pad page is also the browser's own side panel (Chrome, Edge) or sidebar (Firefox), following the active tab.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') {
        manifest.sidebar_action = { default_panel: 'pad.html', default_title: 'Social prescribing referral' };
      } else {
        manifest.side_panel = { default_path: 'pad.html' };
        manifest.permissions = [...(manifest.permissions ?? []), 'sidePanel'];
      }
    },
  },
  manifest: {
    name: 'Social Prescribing Pad',
    description: 'Refer to social prescribing beside the consultation, checked against the service’s agreed model.',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    // A queue on this machine (demos, tests); other queue endpoints are asked for when the champion sets them.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    // The toolbar badge counts referrals waiting to be sent or needing attention.
    action: { default_title: 'Social Prescribing Pad' },
    browser_specific_settings: { gecko: { id: 'social-prescribing-pad@example.nhs.uk' } },
    commands: {
      'toggle-pad': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Open or close the social prescribing pad',
      },
    },
    // The pad may be framed only by the practice-system pages our content script runs in; dynamic URLs stop pages
    // probing for the extension.
    web_accessible_resources: [
      { resources: ['pad.html'], matches: ['http://127.0.0.1/*', 'http://localhost/*'], use_dynamic_url: true },
    ],
  },
});
