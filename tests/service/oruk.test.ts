import { describe, expect, it } from 'vitest';
import { serviceFromOruk, serviceToOruk } from '../../domain/service/oruk';
import type { Service } from '../../domain/service/service';
import { kingsmeadConnect, valleyPcn } from '../../test-support/fixtures/services';

const paused: Service = { ...valleyPcn, capacity: { state: 'paused', until: '2027-01-05', note: 'Staff training' } };

describe('a service as Open Referral UK (HSDS 3) JSON', () => {
  it.each([
    ['a waiting list with a note, an ODS code and areas', kingsmeadConnect],
    ['accepting, no areas', valleyPcn],
    ['paused until a day', paused],
  ])('imports back to the same service: %s', (_name, service) => {
    const json = JSON.parse(JSON.stringify(serviceToOruk(service)));
    expect(serviceFromOruk(json)).toEqual({ ok: true, service });
  });

  it('says capacity in ORUK’s own fields, for directories that read only those', () => {
    expect(serviceToOruk(kingsmeadConnect)).toMatchObject({
      status: 'active',
      wait_time: 'About 3 weeks: Groups restart in January',
      application_process: kingsmeadConnect.contact,
      organization: {
        name: 'Kingsmead Community Trust',
        identifiers: [{ identifier_scheme: 'ODS', identifier: 'KCT01' }],
      },
      service_areas: [{ name: 'BS15' }, { name: 'BS16' }, { name: 'BS5' }],
    });
    expect(serviceToOruk(paused)).toMatchObject({
      status: 'temporarily closed',
      alert: 'Paused until 2027-01-05: Staff training',
    });
  });

  it('reads a council’s service with a UUID id, naming it from its name, and locates what a service here needs', () => {
    const council = {
      id: 'ac148810-d857-441c-9679-408f346de14b',
      name: 'Men’s Shed — Staple Hill',
      description: 'A workshop where men meet, make and mend.',
      status: 'active',
      organization: { id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', name: 'Staple Hill Men’s Shed', description: '' },
      schedules: [{ id: '1', description: 'Tuesdays and Thursdays, 10am to 3pm' }],
    };
    expect(serviceFromOruk(council)).toEqual({
      ok: false,
      problems: [{ path: 'application_process', message: expect.any(String) }],
    });
    const read = serviceFromOruk({ ...council, application_process: 'Drop in, or phone 0117 496 0999.' });
    expect(read).toMatchObject({
      ok: true,
      service: { id: 'men-s-shed-staple-hill', capacity: { state: 'accepting' }, areas: [] },
    });
    expect(serviceFromOruk({ ...council, status: 'defunct' })).toMatchObject({
      ok: false,
      problems: [{ path: 'status' }],
    });
  });
});
