import { createMiddleware } from 'hono/factory';
import type { Party } from '../../domain/service/agreement';
import type { Service as ServiceDetails } from '../../domain/service/service';
import type { InboxVariables } from '../auth/session';
import type { Service } from '../context';
import { getService } from '../store/services';

export type LeadVariables = { Variables: InboxVariables['Variables'] & { led: ServiceDetails } };

/**
 * The service's pages are for its lead only: a signed-in link worker with the role 'service-lead' of a service. Anyone
 * else signed in is refused (403) with words that say why; their own inbox is unchanged.
 */
export function requireLead(service: Service) {
  return createMiddleware<LeadVariables>(async (c, next) => {
    const { role, serviceId } = c.get('session');
    const led = role === 'service-lead' && serviceId ? await getService(service.db, serviceId) : undefined;
    if (!led) return c.text('Only the lead of a service may change its details, capacity and models.', 403);
    c.set('led', led);
    await next();
  });
}

/** A form post carries the session's own token, on top of the same-origin check and SameSite cookies. */
export function requireFormToken() {
  return createMiddleware<LeadVariables>(async (c, next) => {
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody();
      if (form.csrf !== c.get('session').csrfToken) return c.text('This form is out of date: reload the page.', 403);
    }
    await next();
  });
}

/** Who agrees or proposes for the service: the lead, named as the practice will read it. */
export function leadParty(displayName: string, led: ServiceDetails): Party {
  return { name: displayName, role: 'Service lead', organisation: led.organisation.name };
}
