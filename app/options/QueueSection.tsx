import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { queueSettingsSchema, retentionDaysSchema } from '../../domain/settings/settings';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { describedBy, Field } from '../../ui/Field';
import { originsFor } from '../shared/content-scripts';
import { testConnection } from './connection';
import { LockedNote } from './LockedNote';
import type { OptionsState } from './options-state';

type Box = 'endpoint' | 'token' | 'retentionDays';
const IDS: Record<Box, string> = { endpoint: 'queue-endpoint', token: 'queue-token', retentionDays: 'queue-retention' };

/** Where referrals go (the link worker's queue), this practice's token for it, and how long details stay here. */
export function QueueSection({ state }: { state: OptionsState }) {
  const local = state.local.value;
  const managed = state.managed.value.values;
  const locked = state.locked.value;
  const endpoint = useSignal(managed.queueEndpoint ?? local.queue?.endpoint ?? '');
  const token = useSignal(managed.queueToken ?? local.queue?.token ?? '');
  const retention = useSignal(String(managed.retentionDays ?? local.retentionDays));
  const errors = useSignal<{ box: Box; message: string }[]>([]);
  const notice = useSignal<string | undefined>(undefined);
  const connection = useSignal<{ ok: boolean; message: string } | undefined>(undefined);
  const testing = useSignal(false);

  const check = () => {
    const found: { box: Box; message: string }[] = [];
    const queue = queueSettingsSchema.safeParse({ endpoint: endpoint.value.trim(), token: token.value });
    if (!queue.success) {
      for (const issue of queue.error.issues) found.push({ box: issue.path[0] as Box, message: issue.message });
    }
    const days = retentionDaysSchema.safeParse(/^\d+$/.test(retention.value.trim()) ? Number(retention.value) : NaN);
    if (!days.success) found.push({ box: 'retentionDays', message: days.error.issues[0]?.message ?? 'Not a number.' });
    errors.value = found;
    return found.length === 0 && queue.success && days.success ? { queue: queue.data, days: days.data } : undefined;
  };

  const withPermission = (then: () => Promise<void>) => {
    let origins: string[];
    try {
      origins = originsFor([`${new URL(endpoint.value.trim()).origin}/`]);
    } catch {
      return void then();
    }
    // Asked in the click itself; already-granted origins (this computer's) resolve at once without a prompt.
    void browser.permissions.request({ origins }).then(async (granted) => {
      if (granted) return then();
      connection.value = undefined;
      notice.value = `Permission to reach ${origins.join(', ')} was not given: the pad could not send referrals there.`;
    });
  };

  const box = (name: Box, label: string, value: string, set: (value: string) => void, hint?: string, type = 'text') => {
    const id = IDS[name];
    const found = errors.value.filter((error) => error.box === name).map((error) => error.message);
    const isLocked =
      (name === 'endpoint' && locked.has('queue.endpoint')) ||
      (name === 'token' && locked.has('queue.token')) ||
      (name === 'retentionDays' && locked.has('retentionDays'));
    return (
      <Field id={id} label={label} hint={hint} errors={found} note={isLocked && <LockedNote id={`${id}-locked`} />}>
        <input
          class={`nhsuk-input${name === 'retentionDays' ? ' nhsuk-input--short' : ''}`}
          id={id}
          type={type as 'text'}
          value={value}
          disabled={isLocked}
          autoComplete="off"
          aria-describedby={
            [describedBy(id, hint, found), isLocked ? `${id}-locked` : ''].filter(Boolean).join(' ') || undefined
          }
          aria-invalid={found.length ? true : undefined}
          onInput={(event) => set(event.currentTarget.value)}
        />
      </Field>
    );
  };

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
      <form
        class="options-card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          notice.value = undefined;
          const valid = check();
          if (!valid) return;
          withPermission(async () => {
            await state.saveQueue(valid.queue, valid.days);
            notice.value = 'Queue settings saved.';
          });
        }}
      >
        {box(
          'endpoint',
          'Queue endpoint',
          endpoint.value,
          (v) => {
            endpoint.value = v;
          },
          'The FHIR address of the queue, for example https://queue.example.nhs.uk/fhir. HTTPS is required except on this computer (localhost).',
        )}
        {box(
          'token',
          'Practice token',
          token.value,
          (v) => {
            token.value = v;
          },
          'Given by the queue’s administrator; it lets this practice send referrals and read their status only.',
          'password',
        )}
        {box(
          'retentionDays',
          'Days to keep a sent referral’s details in this browser',
          retention.value,
          (v) => {
            retention.value = v;
          },
          'After delivery, names and contact details are removed after this many days; the status trail stays. 1 to 365.',
        )}
        <div class="options-buttons">
          <button type="submit" class="nhsuk-button">
            Save queue settings
          </button>
          <button
            type="button"
            class="nhsuk-button nhsuk-button--secondary"
            disabled={testing.value}
            onClick={() => {
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
            }}
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
