import { ErrorSummary, Page } from './layout';

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
        problems={[
          ...(props.failed ? [{ field: 'username', message: 'The username or password is wrong.' }] : []),
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
        <div class="form-group">
          <label for="username">Username</label>
          <input id="username" name="username" autocomplete="username" required value={props.username ?? ''} />
        </div>
        <div class="form-group">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit" class="button">
          Sign in
        </button>
      </form>
    </Page>
  );
}
