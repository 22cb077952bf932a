import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Social Prescribing Pad',
    description: 'Refer to social prescribing beside the consultation, checked against the service’s agreed model.',
    permissions: ['storage'],
    browser_specific_settings: { gecko: { id: 'social-prescribing-pad@example.nhs.uk' } },
  },
});
