import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { Page } from './layout';

export function LoginPage(props: {
  username?: string;
  failed?: boolean;
  locked?: boolean;
  disabled?: boolean;
  tooMany?: boolean;
  ended?: boolean;
}) {
  return (
    <Page title="Sign in">
      <h1>Sign in</h1>
      {props.ended && <p class="inset">Your session has ended. Sign in again to carry on.</p>}
      <ErrorSummary
        id="error-summary"
        title="There is a problem"
        items={[
          ...(props.failed ? [{ target: 'username', message: 'The username or password is wrong.' }] : []),
          ...(props.locked
            ? [
                {
                  message:
                    'Too many wrong passwords for this account: try again in 15 minutes, or ask an administrator.',
                },
              ]
            : []),
          ...(props.disabled ? [{ message: 'This account has been disabled: ask an administrator.' }] : []),
          ...(props.tooMany
            ? [{ message: 'Too many sign-ins from this computer: wait a minute, then try again.' }]
            : []),
        ]}
      />
      <form method="post" action="/inbox/login" class="form">
        <Field id="username" label="Username">
          <input
            class="nhsuk-input"
            id="username"
            name="username"
            autocomplete="username"
            required
            value={props.username ?? ''}
          />
        </Field>
        <Field id="password" label="Password">
          <input
            class="nhsuk-input"
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
        </Field>
        <button type="submit" class="nhsuk-button">
          Sign in
        </button>
      </form>
    </Page>
  );
}
