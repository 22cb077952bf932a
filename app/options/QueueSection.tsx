import { type Signal, useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { LockedSetting } from '../../domain/settings/managed';
import {
  notDeliveredAfterMinutesSchema,
  type QueueSettings,
  queueSettingsSchema,
  retentionDaysSchema,
} from '../../domain/settings/settings';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { describedBy, Field } from '../../ui/Field';
import { originsFor } from '../shared/content-scripts';
import { testConnection } from './connection';
import { LockedNote } from './LockedNote';
import type { OptionsState } from './options-state';

type Box = 'endpoint' | 'token' | 'retentionDays' | 'notDeliveredAfterMinutes';
type BoxError = { box: Box; message: string };
const IDS: Record<Box, string> = {
  endpoint: 'queue-endpoint',
  token: 'queue-token',
  retentionDays: 'queue-retention',
  notDeliveredAfterMinutes: 'queue-not-delivered-after',
};
const LOCKED_BY: Record<Box, LockedSetting> = {
  endpoint: 'queue.endpoint',
  token: 'queue.token',
  retentionDays: 'retentionDays',
  notDeliveredAfterMinutes: 'notDeliveredAfterMinutes',
};

/** Where referrals go (the link worker's queue), this practice's token for it, and how long details stay here. */
export function QueueSection({ state }: { state: OptionsState }) {
  const local = state.local.value;
  const managed = state.managed.value.values;
  const endpoint = useSignal(managed.queueEndpoint ?? local.queue?.endpoint ?? '');
  const token = useSignal(managed.queueToken ?? local.queue?.token ?? '');
  const retention = useSignal(String(managed.retentionDays ?? local.retentionDays));
  const overdue = useSignal(String(managed.notDeliveredAfterMinutes ?? local.notDeliveredAfterMinutes));
  const errors = useSignal<BoxError[]>([]);
  const notice = useSignal<string | undefined>(undefined);
  const connection = useSignal<{ ok: boolean; message: string } | undefined>(undefined);
  const testing = useSignal(false);

  const withPermission = (then: () => Promise<void>) =>
    askToReach(endpoint.value, then, (origins) => {
      connection.value = undefined;
      notice.value = `Permission to reach ${origins.join(', ')} was not given: the pad could not send referrals there.`;
    });

  const save = (event: Event) => {
    event.preventDefault();
    notice.value = undefined;
    const read = readQueueForm(endpoint.value, token.value, retention.value, overdue.value);
    errors.value = read.errors;
    const valid = read.valid;
    if (!valid) return;
    withPermission(async () => {
      await state.saveQueue(valid.queue, valid.days, valid.minutes);
      notice.value = 'Queue settings saved.';
    });
  };

  const testTheConnection = () => {
    connection.value = undefined;
    const queue = queueSettingsSchema.shape.endpoint.safeParse(endpoint.value.trim());
    if (!queue.success) {
      errors.value = [{ box: 'endpoint', message: queue.error.issues[0]?.message ?? 'Not an endpoint.' }];
      return;
    }
    testing.value = true;
    withPermission(async () => {
      connection.value = await testConnection(queue.data, token.value.trim());
      testing.value = false;
    });
  };

  const box = { errors: errors.value, locked: state.locked.value };
  return (
    <section aria-labelledby="queue-heading" class="options-section" id="queue">
      <h2 id="queue-heading">The link worker’s queue</h2>
      <ErrorSummary
        id="queue-errors"
        title="There is a problem with the queue settings"
        items={errors.value.map((error) => ({ message: error.message, target: IDS[error.box] }))}
      />
      {notice.value && (
        <div class="options-notice" role="status">
          {notice.value}
        </div>
      )}
      <form class="options-card" noValidate onSubmit={save}>
        <QueueBoxes endpoint={endpoint} token={token} retention={retention} overdue={overdue} {...box} />
        <div class="options-buttons">
          <button type="submit" class="nhsuk-button">
            Save queue settings
          </button>
          <button
            type="button"
            class="nhsuk-button nhsuk-button--secondary"
            disabled={testing.value}
            onClick={testTheConnection}
          >
            Test connection
          </button>
        </div>
        <div aria-live="polite" id="connection-result">
          {connection.value && (
            <p class={connection.value.ok ? 'options-ok' : 'nhsuk-error-message'}>{connection.value.message}</p>
          )}
        </div>
      </form>
    </section>
  );
}

type BoxState = { errors: BoxError[]; locked: Set<LockedSetting> };

/** The endpoint, the practice token, the days details are kept, and when an undelivered referral needs attention. */
function QueueBoxes({
  endpoint,
  token,
  retention,
  overdue,
  ...box
}: BoxState & { endpoint: Signal<string>; token: Signal<string>; retention: Signal<string>; overdue: Signal<string> }) {
  return (
    <>
      <QueueBox
        {...box}
        name="endpoint"
        label="Queue endpoint"
        value={endpoint}
        hint="The FHIR address of the queue, for example https://queue.example.nhs.uk/fhir. HTTPS is required except on this computer (localhost)."
      />
      <QueueBox
        {...box}
        name="token"
        label="Practice token"
        value={token}
        hint="Given by the queue’s administrator; it lets this practice send referrals and read their status only."
        type="password"
      />
      <QueueBox
        {...box}
        name="retentionDays"
        label="Days to keep a sent referral’s details in this browser"
        value={retention}
        hint="After delivery, names and contact details are removed after this many days; the status trail stays. 1 to 365."
      />
      <QueueBox
        {...box}
        name="notDeliveredAfterMinutes"
        label="Minutes before a referral not yet delivered needs attention"
        value={overdue}
        hint="A referral the queue has not taken this long after Send shows as Needs attention on the pad and the toolbar button; it is still tried. 10 to 1440."
      />
    </>
  );
}

/** One of the queue's boxes, disabled with a note when policy sets it. */
function QueueBox(
  props: {
    name: Box;
    label: string;
    value: Signal<string>;
    hint: string;
    type?: 'text' | 'password';
  } & BoxState,
) {
  const { name, label, value, hint, type = 'text' } = props;
  const id = IDS[name];
  const found = props.errors.filter((error) => error.box === name).map((error) => error.message);
  const isLocked = props.locked.has(LOCKED_BY[name]);
  return (
    <Field id={id} label={label} hint={hint} errors={found} note={isLocked && <LockedNote id={`${id}-locked`} />}>
      <input
        class={`nhsuk-input${name === 'retentionDays' || name === 'notDeliveredAfterMinutes' ? ' nhsuk-input--short' : ''}`}
        id={id}
        type={type as 'text'}
        value={value.value}
        disabled={isLocked}
        autoComplete="off"
        aria-describedby={
          [describedBy(id, hint, found), isLocked ? `${id}-locked` : ''].filter(Boolean).join(' ') || undefined
        }
        aria-invalid={found.length ? true : undefined}
        onInput={(event) => {
          value.value = event.currentTarget.value;
        }}
      />
    </Field>
  );
}

/** The queue's settings as entered: what is wrong with each box, or the settings to save. */
function readQueueForm(
  endpoint: string,
  token: string,
  retention: string,
  overdue: string,
): { errors: BoxError[]; valid?: { queue: QueueSettings; days: number; minutes: number } } {
  const errors: BoxError[] = [];
  const queue = queueSettingsSchema.safeParse({ endpoint: endpoint.trim(), token });
  if (!queue.success) {
    for (const issue of queue.error.issues) errors.push({ box: issue.path[0] as Box, message: issue.message });
  }
  const days = retentionDaysSchema.safeParse(whole(retention));
  if (!days.success) errors.push({ box: 'retentionDays', message: days.error.issues[0]?.message ?? 'Not a number.' });
  const minutes = notDeliveredAfterMinutesSchema.safeParse(whole(overdue));
  if (!minutes.success)
    errors.push({ box: 'notDeliveredAfterMinutes', message: minutes.error.issues[0]?.message ?? 'Not a number.' });
  return errors.length === 0 && queue.success && days.success && minutes.success
    ? { errors, valid: { queue: queue.data, days: days.data, minutes: minutes.data } }
    : { errors };
}

/** A box's digits as a number; anything else NaN, which the schema names. */
function whole(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
}

/** Asks the browser to let the pad reach the endpoint's site, then goes on; an endpoint that is no URL goes straight on. */
function askToReach(endpoint: string, then: () => Promise<void>, refused: (origins: string[]) => void): void {
  let origins: string[];
  try {
    origins = originsFor([`${new URL(endpoint.trim()).origin}/`]);
  } catch {
    return void then();
  }
  // Asked in the click itself; already-granted origins (this computer's) resolve at once without a prompt.
  void browser.permissions.request({ origins }).then(async (granted) => {
    if (granted) return then();
    refused(origins);
  });
}
