import { createMiddleware } from 'hono/factory';
import type { Audience } from '../../domain/evaluation/suppress';
import type { Service as ServiceDetails } from '../../domain/service/service';
import type { InboxVariables } from '../auth/session';
import type { Service } from '../context';
import { getService } from '../store/services';

export type ReportVariables = {
  Variables: InboxVariables['Variables'] & { reported: ServiceDetails; audience: Audience };
};

/**
 * A service's reports are for its lead and its commissioners: the lead sees every count, a commissioner sees small
 * numbers suppressed and no free text. A link worker, or an account of no service, is refused (403) in words.
 */
export function requireReportReader(service: Service) {
  return createMiddleware<ReportVariables>(async (c, next) => {
    const { role, serviceId } = c.get('session');
    const reader = role === 'service-lead' || role === 'commissioner';
    const reported = reader && serviceId ? await getService(service.db, serviceId) : undefined;
    if (!reported) return c.text('Only the lead of a service and its commissioners may read its reports.', 403);
    c.set('reported', reported);
    c.set('audience', role === 'commissioner' ? 'commissioner' : 'service');
    await next();
  });
}
