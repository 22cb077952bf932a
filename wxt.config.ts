import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Social Prescribing Pad',
    description: 'Refer to social prescribing beside the consultation, checked against the service’s agreed model.',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    // The demo practice system and a queue on this machine (demos, tests); practice systems' own origins and other
    // queue endpoints are requested at run time (options page).
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
