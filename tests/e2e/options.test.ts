import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choosePatient, type Harness, launch, screenshotForDocs } from '../../test-support/browser/harness';
import {
  fillOrchardAdapter,
  ORCHARD_PATIENT_IN_PAD,
  openOptions,
  openPadOnPage,
  patientInPad,
  registeredContentScripts,
  saveAdapter,
  storedSettings,
} from '../../test-support/browser/options-browser';
import { clearExtensionStorage, fillDate, seriousViolations } from '../../test-support/browser/pad-browser';

/**
 * The practice champion's options page in the built extension, with the demo practice system served on 127.0.0.1:
 * what the champion sets is what the pad on a practice system's page then does.
 */
let h: Harness;
let context: BrowserContext;
let extensionId: string;
let demo: { url: string };
let options: Page;

beforeAll(async () => {
  h = await launch();
  ({ context, extensionId } = h);
  demo = { url: h.demoUrl };
  options = await openOptions(context, extensionId);
  await clearExtensionStorage(options);
  await options.reload();
});

afterAll(async () => {
  await h?.close();
});

const save = () => options.getByRole('button', { name: 'Save model' }).click();

describe('the options page', () => {
  it('saves an edited boundaried model as a new version, and the open pad on the demo system applies it at once', async () => {
    await options.getByText('No model is set yet. Start from an example, or import a model file.').waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.getByRole('button', { name: 'Load the boundaried example' }).click();
    await save();
    await options.getByText('Saved as version 2. The pad uses it from now on.').waitFor();

    // Ravi PATEL lives in BS5, outside the example's BS15, BS16 and BS30.
    const practice = await context.newPage();
    await practice.goto(demo.url);
    await choosePatient(practice, 'PATEL');
    const pad = await openPadOnPage(practice);
    await pad.getByRole('button', { name: 'Loneliness or isolation' }).click();
    await pad.locator('[data-rule="scope.area"]').waitFor();
    expect(await pad.locator('[data-rule="scope.area"]').textContent()).toContain('BS5');

    await options.bringToFront();
    await options.getByLabel('Postcode areas or districts (optional)').fill('BS5, BS15, BS16, BS30');
    await options.getByLabel('Lowest age (optional)').fill('60');
    await save();
    await options.getByText('Saved as version 3. The pad uses it from now on.').waitFor();

    // The pad, still open on the practice page, re-checks against version 3 without a reload.
    await pad.locator('[data-rule="scope.area"]').waitFor({ state: 'detached' });
    const history = options.locator('[data-version="3"]');
    expect(await history.textContent()).toContain('Postcode areas: added BS5');
    expect(await history.textContent()).toContain('Lowest age: 55 → 60');
    const stored = (await storedSettings(options)) as {
      model: { version: number; scope: { pathways: { minAge: number }[] } };
    };
    expect(stored.model.version).toBe(3);
    expect(stored.model.scope.pathways[0]?.minAge).toBe(60);
    await practice.close();
  });

  it('shows each error beside its field and in the error summary, and saves nothing', async () => {
    const before = await storedSettings(options);
    await options.getByLabel('Service name').fill('');
    await options.getByLabel('Lowest age (optional)').fill('sixty');
    await options
      .getByRole('group', { name: 'Under secondary mental-health care: what to do' })
      .getByLabel('Redirect')
      .check();
    await save();
    const summary = options.locator('#model-errors');
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    const text = await summary.textContent();
    expect(text).toContain('Service name: This must not be empty.');
    expect(text).toContain('Group 1: lowest age: The lowest age is a whole number, for example 55; “sixty” is not.');
    expect(text).toContain('Under secondary mental-health care: where to instead (service): Name the service');
    expect(await options.locator('#model-scope-pathways-0-minAge-error').textContent()).toContain('“sixty” is not');
    expect(await options.getByLabel('Lowest age (optional)').getAttribute('aria-invalid')).toBe('true');
    await screenshotForDocs(options, 'options-errors.png');

    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link', { name: /^Group 1: lowest age/ }).click();
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('model-scope-pathways-0-minAge');
    expect(await storedSettings(options)).toEqual(before);
    expect(await seriousViolations(options)).toEqual([]);
    await options.reload();
  });

  it('tries a referral against the unsaved model and shows the cards a GP would see', async () => {
    await options.getByLabel('Lowest age (optional)').fill('80');
    const result = options.locator('#try-result');
    await options.getByLabel('Age in years').fill('70');
    await result.locator('[data-rule="scope.age"]').waitFor();
    await options.getByLabel('Current suicidal thoughts or self-harm?').check();
    await result.locator('[data-rule="safety.suicidal-thoughts"]').waitFor();
    expect(await result.locator('h3').getAttribute('data-outcome')).toBe('redirect');
    expect(await result.textContent()).toContain('NHS 111, option 2');
    await options.getByLabel('Current suicidal thoughts or self-harm?').uncheck();
    await options.getByLabel('Age in years').fill('85');
    await result.locator('[data-rule="scope.age"]').waitFor({ state: 'detached' });
    expect(await result.locator('h3').getAttribute('data-outcome')).toBe('accept');
    const saved = (await storedSettings(options)) as { model: { scope: { pathways: { minAge: number }[] } } };
    expect(saved.model.scope.pathways[0]?.minAge).toBe(60);
    await options.reload();
  });

  it('warns the champion, and the referrer on the pad, when the saved model is past its review date', async () => {
    await fillDate(options, /^Agreed on/, '1 1 2020');
    await fillDate(options, /^Review by/, '1 1 2021');
    await save();
    await options.getByText('Saved as version 4. The pad uses it from now on.').waitFor();
    const warning = options.locator('[data-review="overdue"]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Review overdue');
    expect(await warning.textContent()).toContain('was due for review by 1 January 2021');
    expect(await options.locator('[data-version="4"]').textContent()).toContain(
      'Review by: 14 September 2027 → 1 January 2021',
    );

    const pad = await context.newPage();
    await pad.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await pad.locator('.pad-verdict__overdue').waitFor();
    expect(await pad.locator('.pad-verdict__overdue').textContent()).toContain('1 January 2021');
    await pad.close();
  });

  it('adds a group — any adult with coaching goals — that a 22-year-old with coaching goals then fits, and explains each safety choice', async () => {
    expect(await options.locator('#model-safety-heading').locator('..').textContent()).toContain(
      'Flag, and give the route to use as well',
    );
    await options.getByRole('button', { name: 'Add a group' }).click();
    const group = options.locator('[data-pathway="1"]');
    await group.getByLabel('Who this group is, in plain words').fill('Any adult with coaching goals');
    await group
      .getByRole('group', { name: /must include one of these needs/ })
      .getByLabel('Personal goals (coaching)')
      .check();
    await group.getByLabel('Lowest age (optional)').fill('18');
    const trial = options.locator('#try');
    await trial.getByLabel('Age in years').fill('22');
    await trial.getByLabel('Personal goals (coaching)').check();
    const result = options.locator('#try-result');
    await expect.poll(() => result.locator('h3').getAttribute('data-outcome')).toBe('accept');
    await trial.getByLabel('Personal goals (coaching)').uncheck();
    await trial.getByLabel('Money and debt').check();
    await result.locator('[data-rule="scope.pathway"]').first().waitFor();
    // The trial patient is isolated too: only the age keeps them out of the first group, which is the closest.
    expect(await result.textContent()).toContain('Closest group, “55 and over and isolated, in BS15, BS16 or BS30”');
    expect(await result.textContent()).toContain(
      'Not in the group “Any adult with coaching goals”: needs do not include personal goals (coaching).',
    );
    await save();
    await options.getByText('Saved as version 5. The pad uses it from now on.').waitFor();
    expect(await options.locator('[data-version="5"]').textContent()).toContain(
      'Group added: “Any adult with coaching goals”',
    );
    const stored = (await storedSettings(options)) as { model: { scope: { pathways: { label: string }[] } } };
    expect(stored.model.scope.pathways.map((pathway) => pathway.label)).toEqual([
      '55 and over and isolated, in BS15, BS16 or BS30',
      'Any adult with coaching goals',
    ]);
    await group.getByRole('button', { name: 'Remove group 2' }).click();
    expect(await options.locator('[data-pathway="1"]').count()).toBe(0);
    await options.reload();
    await options.locator('[data-pathway="1"]').waitFor();
  });

  it('refuses a malformed settings file or model file, lists its errors, and changes nothing', async () => {
    const before = await storedSettings(options);
    const malformed = JSON.stringify({
      formatVersion: 1,
      kind: 'social-prescribing-pad-settings',
      exportedAt: '2026-11-22T09:00:00Z',
      settings: {
        retentionDays: 'a week',
        queue: { endpoint: 'http://queue.example.nhs.uk' },
        adapters: [{ id: 'x' }],
      },
    });
    await options.getByLabel('Import a settings file').setInputFiles({
      name: 'broken-settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from(malformed),
    });
    const errors = options.locator('#import-errors');
    await errors.waitFor();
    const text = await errors.textContent();
    expect(text).toContain('The settings file “broken-settings.json” was not imported: nothing has changed');
    expect(text).toContain('settings.queue.endpoint: The queue endpoint must use HTTPS');
    expect(text).toContain('settings.retentionDays:');
    expect(text).toContain('settings.adapters.0.name:');
    expect(await storedSettings(options)).toEqual(before);

    await options.getByLabel('Import a model file').setInputFiles({
      name: 'cut-short.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"formatVersion": 1, "id": "x"'),
    });
    await options.getByText('The model file “cut-short.json” was not imported: nothing has changed').waitFor();
    expect(await errors.textContent()).toContain('Not valid JSON');
    expect(await options.getByLabel('Model name').inputValue()).toBe('Kingsmead Connect 55+ (boundaried)');
    expect(await storedSettings(options)).toEqual(before);
    await screenshotForDocs(options, 'options-import-refused.png');
  });

  it('adds an adapter for another supplier’s page purely through the options page; the pad then pre-fills from it', async () => {
    const other = await context.newPage();
    const otherUrl = `${demo.url}other-system/`;
    await other.goto(otherUrl);
    const editor = await fillOrchardAdapter(options, 'Orchard Clinical', `${demo.url}other-system/*`);

    // The live test runs the reader in the other tab, the one open at the adapter's addresses.
    await editor.getByRole('button', { name: 'Try on an open page' }).click();
    const table = editor.locator('#adapter-test-result');
    await table.waitFor();
    expect(await table.locator('[data-field="nhsNumber"] td').textContent()).toBe('485 777 3457');
    expect(await table.locator('[data-field="dateOfBirth"] td').textContent()).toBe('07/02/1958');
    expect(await table.locator('[data-field="postcode"] td').textContent()).toBe('BS8 2XY');
    await screenshotForDocs(options, 'options-adapter-test.png');
    expect(await seriousViolations(options)).toEqual([]);

    await saveAdapter(options, 'Orchard Clinical');
    const registered = await registeredContentScripts(options);
    expect(registered).toEqual([
      expect.objectContaining({
        id: 'champion-adapter-orchard-clinical',
        matches: [`${demo.url}other-system/*`],
        js: ['content-scripts/practice.js'],
      }),
    ]);

    await other.reload();
    const pad = await openPadOnPage(other);
    expect(await patientInPad(pad)).toEqual(ORCHARD_PATIENT_IN_PAD);
    await other.close();
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    await options.reload();
    await options.getByRole('heading', { name: 'Practice settings', exact: true }).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await screenshotForDocs(options, 'options.png', true);
  });
});
