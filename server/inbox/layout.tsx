import type { ComponentChildren } from 'preact';
import type { Session } from '../store/link-workers';

export function Page(props: { title: string; session?: Session; children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – Link worker’s queue`}</title>
        <link rel="stylesheet" href="/inbox/inbox.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="header">
          <div class="width header-row">
            <a class="service-name" href="/inbox">
              Social prescribing: link worker’s queue
            </a>
            {props.session && (
              <form method="post" action="/inbox/logout" class="sign-out">
                <input type="hidden" name="csrf" value={props.session.csrfToken} />
                {props.session.role === 'service-lead' && <a href="/inbox/service">Your service</a>}{' '}
                {props.session.serviceId && props.session.role !== 'link-worker' && (
                  <a href="/inbox/reports">Reports</a>
                )}{' '}
                {props.session.administrator && <a href="/inbox/audit">Audit</a>}{' '}
                <span>{props.session.linkWorker.displayName}</span> <button type="submit">Sign out</button>
              </form>
            )}
          </div>
        </header>
        <main id="main" class="width">
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** Links to other pages of a list (the inbox's, the audit's), as one navigation landmark; none when there are none. */
export function PageLinks(props: { label: string; links: { href: string; text: string; rel?: 'next' }[] }) {
  if (props.links.length === 0) return null;
  return (
    <nav class="pages" aria-label={props.label}>
      <ul>
        {props.links.map((link) => (
          <li key={link.text}>
            <a href={link.href} rel={link.rel}>
              {link.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
