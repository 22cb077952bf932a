import type { Context } from 'hono';
import { ukDate } from '../../domain/clock/uk-date';
import type { Service } from '../context';
import { html } from '../inbox/html';
import { responseRuleOf } from '../store/caseload';
import { listPractices } from '../store/practices';
import { agreedVersions, proposalsFor, setCapacity, updateService } from '../store/services';
import { CapacityPage } from './capacity-page';
import { DetailsPage } from './details-page';
import type { LeadVariables } from './lead';
import { capacityForm, capacityOf, detailsForm, detailsOf, readCapacity, readDetails } from './read-forms';
import { ServicePage } from './service-page';

type LeadContext = Context<LeadVariables>;

const SAVED: Record<string, string> = {
  details: 'Saved: the service’s details. Practices see them the next time their directory is fetched.',
  capacity: 'Saved: the capacity. Practices see it the next time their directory is fetched.',
  proposed: 'Proposed: the practice sees it in their options page, to agree or send back.',
  agreed: 'Agreed: the practice can refer under this version now.',
  'sent-back': 'Sent back: the practice sees your comment.',
  'response-rule': 'Saved: the response times. Referrals from now on are due by them.',
};

/** The lead's page: the service, what waits for the lead, and every agreed version. */
export function overviewHandler(service: Service) {
  return async (c: LeadContext) => {
    const led = c.get('led');
    const [agreements, proposals, practices, rule] = await Promise.all([
      agreedVersions(service.db, led.id),
      proposalsFor(service.db, led.id),
      listPractices(service.db),
      responseRuleOf(service.db, led.id),
    ]);
    const saved = SAVED[c.req.query('saved') ?? ''];
    return html(
      <ServicePage
        session={c.get('session')}
        service={led}
        today={ukDate(service.now())}
        agreements={agreements}
        proposals={proposals}
        practices={practices}
        rule={rule}
        {...(saved ? { saved } : {})}
      />,
    );
  };
}

export function detailsFormHandler() {
  return (c: LeadContext) => html(<DetailsPage session={c.get('session')} form={detailsOf(c.get('led'))} />);
}

/** New details: saved and audited when every field reads; otherwise the form again with each problem, nothing changed. */
export function saveDetailsHandler(service: Service) {
  return async (c: LeadContext) => {
    const session = c.get('session');
    const entered = detailsForm(await c.req.parseBody());
    const read = readDetails(c.get('led'), entered);
    if (!read.ok) return html(<DetailsPage session={session} form={entered} problems={read.problems} />, 400);
    const { id, capacity: _capacity, ...details } = read.value;
    await updateService(service.db, id, details, service.now(), session.linkWorker.username);
    return c.redirect('/inbox/service?saved=details', 303);
  };
}

export function capacityFormHandler() {
  return (c: LeadContext) => html(<CapacityPage session={c.get('session')} form={capacityOf(c.get('led').capacity)} />);
}

/** A new capacity: saved and audited when it reads (a pause ends after today); otherwise the form with each problem. */
export function saveCapacityHandler(service: Service) {
  return async (c: LeadContext) => {
    const session = c.get('session');
    const entered = capacityForm(await c.req.parseBody());
    const read = readCapacity(entered, ukDate(service.now()));
    if (!read.ok) return html(<CapacityPage session={session} form={entered} problems={read.problems} />, 400);
    const led = c.get('led');
    await setCapacity(service.db, led.id, read.value, service.now(), session.linkWorker.username);
    return c.redirect('/inbox/service?saved=capacity', 303);
  };
}
