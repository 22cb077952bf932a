import { defineWebExtConfig } from 'wxt';

// No display on these machines: the dev server runs and prints the folder to load instead.
export default defineWebExtConfig({ disabled: true });
