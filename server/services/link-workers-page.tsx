import { Field } from '../../ui/Field';
import { Page } from '../inbox/layout';
import type { ServiceLinkWorker, Session } from '../store/link-workers';
import { BackLink, errorsFor, Problems } from './parts';
import type { Problem } from './read-forms';

export type AddLinkWorkerForm = { username: string; displayName: string };

/** A new account's password, shown on the page that added it and never again (only its hash is kept). */
type Added = { username: string; displayName: string; password: string };

const USERNAME_HINT = 'Lower-case letters, digits, dots, dashes or underscores, for example priya.shah';

function AccountRow(props: { worker: ServiceLinkWorker; session: Session }) {
  const { worker, session } = props;
  const self = worker.username === session.linkWorker.username;
  const action = worker.disabled ? 'enable' : 'disable';
  return (
    <tr data-link-worker={worker.username}>
      <td>{worker.displayName}</td>
      <td>{worker.username}</td>
      <td>{worker.role === 'service-lead' ? 'Service lead' : 'Link worker'}</td>
      <td>
        {worker.disabled ? (
          <strong class="tag tag-grey">Disabled</strong>
        ) : (
          <strong class="tag tag-green">Enabled</strong>
        )}
      </td>
      <td>
        {!self && (
          <form method="post" action={`/inbox/service/link-workers/${worker.username}/${action}`} class="inline-form">
            <input type="hidden" name="csrf" value={session.csrfToken} />
            <button type="submit" class="button button-secondary button-small">
              {worker.disabled ? 'Enable' : 'Disable'}
              <span class="nhsuk-u-visually-hidden">{` ${worker.displayName}`}</span>
            </button>
          </form>
        )}{' '}
        <a href={`/inbox/service/audit?actor=${encodeURIComponent(worker.username)}`}>
          What they did<span class="nhsuk-u-visually-hidden">{`: ${worker.displayName}`}</span>
        </a>
      </td>
    </tr>
  );
}

/**
 * The service's link worker accounts, for its lead: each enabled or disabled (a disabled account cannot sign in and its
 * sessions end at once), a link to what each did, and a form to add one with a password shown once.
 */
export function LinkWorkersPage(props: {
  session: Session;
  workers: readonly ServiceLinkWorker[];
  form?: AddLinkWorkerForm;
  problems?: readonly Problem[];
  added?: Added;
  saved?: string;
}) {
  const problems = props.problems ?? [];
  const { at, described } = errorsFor(problems);
  const form = props.form ?? { username: '', displayName: '' };
  return (
    <Page title="Link workers" session={props.session}>
      <BackLink />
      <Problems problems={problems} />
      {props.saved && (
        <div class="notice" role="status">
          {props.saved}
        </div>
      )}
      {props.added && (
        <div class="notice" role="status">
          {`Added ${props.added.displayName} (${props.added.username}). Their password, shown this once: `}
          <code class="password">{props.added.password}</code>
          <p>Give it to them yourself (not by email). It is not kept anywhere you can read it again.</p>
        </div>
      )}
      <h1>Link workers</h1>
      <table class="table">
        <caption>Everyone who can sign in to the service’s caseload</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Account</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.workers.map((worker) => (
            <AccountRow key={worker.username} worker={worker} session={props.session} />
          ))}
        </tbody>
      </table>
      <h2 id="add-heading">Add a link worker</h2>
      <form method="post" action="/inbox/service/link-workers" class="form" aria-labelledby="add-heading">
        <input type="hidden" name="csrf" value={props.session.csrfToken} />
        <Field id="displayName" label="Full name" errors={at('displayName')}>
          <input
            class="nhsuk-input"
            id="displayName"
            name="displayName"
            maxLength={200}
            value={form.displayName}
            {...described('displayName')}
          />
        </Field>
        <Field id="username" label="Username" hint={USERNAME_HINT} errors={at('username')}>
          <input
            class="nhsuk-input nhsuk-input--medium"
            id="username"
            name="username"
            autocomplete="off"
            spellcheck={false}
            value={form.username}
            {...described('username', USERNAME_HINT)}
          />
        </Field>
        <button type="submit" class="nhsuk-button">
          Add the link worker
        </button>
      </form>
    </Page>
  );
}
