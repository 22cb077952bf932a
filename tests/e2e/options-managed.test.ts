import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDARIED_VCSE_MODEL, OPEN_PCN_MODEL } from '../../domain/model/examples';
import { writeModelFile } from '../../domain/model/model-file';
import {
  EXTENSION_DIR,
  type Harness,
  launchWithGrantedOrigins,
  PRACTICE_HOST,
  screenshotForDocs,
  whichPatient,
} from '../../test-support/browser/harness';
import {
  ORCHARD_PATIENT_IN_PAD,
  openOptions,
  openPadOnPage,
  patientInPad,
  registeredContentScripts,
  storedSettings,
  unpackedExtensionId,
} from '../../test-support/browser/options-browser';
import { seriousViolations, setExtensionStorage } from '../../test-support/browser/pad-browser';
import { orchardDownsAdapter } from '../../test-support/fixtures/adapters';

/**
 * Settings from enterprise policy, for real: Chromium on Linux reads machine policy from /etc/chromium/policies/managed
 * and gives an extension its "3rdparty" policy through storage.managed, checked against public/managed_schema.json.
 * Writing there needs root (as the tests run in CI, .ci/run); the file is removed again after the tests.
 */
const POLICY_FILE = '/etc/chromium/policies/managed/social-prescribing-pad-e2e.json';
const ENDPOINT = 'https://queue.kingsmead.example.nhs.uk/fhir';
/** The organisation's adapter for its supplier's pages (demo/other-system, on an origin of its own: PRACTICE_HOST). */
const DOWNS = orchardDownsAdapter(`http://${PRACTICE_HOST}/other-system/*`);
const POLICY_ADAPTER = {
  ...DOWNS,
  name: 'Orchard Clinical (set by the ICB)',
  fields: {
    ...DOWNS.fields,
    postcode: { label: 'Residence', pattern: '([A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})\\s*$' },
  },
};

let h: Harness | undefined;
let context: BrowserContext;
let extensionId: string;
let options: Page;

beforeAll(async () => {
  mkdirSync(dirname(POLICY_FILE), { recursive: true });
  const policy = {
    '3rdparty': {
      extensions: {
        [unpackedExtensionId(EXTENSION_DIR)]: {
          queueEndpoint: ENDPOINT,
          retentionDays: 30,
          notDeliveredAfterMinutes: 120,
          model: writeModelFile(BOUNDARIED_VCSE_MODEL),
          adapters: JSON.stringify([POLICY_ADAPTER]),
        },
      },
    },
  };
  writeFileSync(POLICY_FILE, JSON.stringify(policy));
  // A policy cannot grant host permissions: the user has allowed the supplier's site (see launchWithGrantedOrigins).
  h = await launchWithGrantedOrigins([`http://${PRACTICE_HOST}/*`]);
  ({ context, extensionId } = h);
  options = await openOptions(context, extensionId);
  // The champion's own values, which the policy's must win over.
  await setExtensionStorage(options, {
    settings: { model: OPEN_PCN_MODEL, retentionDays: 7, queue: { endpoint: 'http://127.0.0.1:8787', token: 'tok' } },
  });
  await options.reload();
});

afterAll(async () => {
  await h?.close();
  rmSync(POLICY_FILE, { force: true });
});

describe('settings set by the organisation’s policy', () => {
  it('are the ones in force, and the options page shows them locked', async () => {
    expect(extensionId).toBe(unpackedExtensionId(EXTENSION_DIR));
    await options.getByText('Set by your organisation.').first().waitFor();

    const endpoint = options.getByLabel('Queue endpoint');
    expect(await endpoint.inputValue()).toBe(ENDPOINT);
    expect(await endpoint.isDisabled()).toBe(true);
    expect(await options.locator('#queue-endpoint-locked').textContent()).toContain('Set by your organisation');
    const retention = options.getByLabel('Days to keep a sent referral’s details in this browser');
    expect(await retention.inputValue()).toBe('30');
    expect(await retention.isDisabled()).toBe(true);
    const overdue = options.getByLabel('Minutes before a referral not yet delivered needs attention');
    expect(await overdue.inputValue()).toBe('120');
    expect(await overdue.isDisabled()).toBe(true);
    // The token is not set by the policy: the practice still enters its own.
    expect(await options.getByLabel('Practice token', { exact: true }).isDisabled()).toBe(false);
    expect(await options.getByLabel('Practice token', { exact: true }).inputValue()).toBe('tok');

    // The model editor shows the policy's model, every control disabled, and no way to save or import over it.
    expect(await options.getByLabel('Model name').inputValue()).toBe(BOUNDARIED_VCSE_MODEL.name);
    expect(await options.getByLabel('Model name').isDisabled()).toBe(true);
    expect(await options.getByLabel('Postcode areas or districts (optional)').isDisabled()).toBe(true);
    expect(
      await options.getByRole('group', { name: 'Kind of model' }).getByRole('radio', { name: 'Open' }).isDisabled(),
    ).toBe(true);
    expect(await options.getByRole('button', { name: 'Save model' }).count()).toBe(0);
    expect(await options.getByLabel('Import a model file').isDisabled()).toBe(true);
    expect(await seriousViolations(options)).toEqual([]);
    await screenshotForDocs(options, 'options-managed.png');

    // The champion's own settings are kept underneath, unchanged.
    expect(await storedSettings(options)).toMatchObject({ model: { id: OPEN_PCN_MODEL.id }, retentionDays: 7 });
  });

  it('gives the pad the policy’s model', async () => {
    const pad = await context.newPage();
    await pad.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const model = pad.locator('.pad-verdict__model');
    await model.waitFor();
    expect(await model.textContent()).toContain(BOUNDARIED_VCSE_MODEL.name);
    await pad.close();
  });

  it('gives the pad on the policy adapter’s pages the patient from their banner', async () => {
    // The options page lists the policy's adapter, locked, and the background registered its content script at start-up.
    const row = options.locator('#adapters-list [data-adapter="orchard-downs"]');
    expect(await row.textContent()).toContain(POLICY_ADAPTER.name);
    expect(await options.getByRole('button', { name: 'Add a practice system' }).count()).toBe(0);
    expect(await registeredContentScripts(options)).toEqual([
      expect.objectContaining({ id: 'champion-adapter-orchard-downs', matches: POLICY_ADAPTER.matches }),
    ]);

    const harness = h as Harness;
    const url = `${harness.demoUrlOnPracticeHost}other-system/`;
    const practice = await context.newPage();
    await practice.goto(url);
    const pad = await openPadOnPage(practice);
    expect(await whichPatient(harness, url)).toMatchObject({ adapterId: 'orchard-downs', recordKey: 'nhs:4857773457' });
    expect(await patientInPad(pad)).toEqual(ORCHARD_PATIENT_IN_PAD);
    await practice.close();
  });
});
