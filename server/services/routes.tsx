import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireSession, sameOriginPosts } from '../auth/session';
import type { Service } from '../context';
import { type LeadVariables, requireFormToken, requireLead } from './lead';
import { decideHandler, proposalHandler, proposeFormHandler, proposeHandler } from './proposal-handlers';
import {
  capacityFormHandler,
  detailsFormHandler,
  overviewHandler,
  saveCapacityHandler,
  saveDetailsHandler,
} from './service-handlers';
import {
  accountStateHandler,
  addLinkWorkerHandler,
  linkWorkersHandler,
  responseRuleHandler,
  saveResponseRuleHandler,
  teamAuditHandler,
} from './team-handlers';

/**
 * The service lead's pages, under the inbox's path so the inbox's session cookie reaches them: the service's details
 * and capacity, its agreed models and the proposals in flight, its link workers' accounts and what each did, and its
 * response-time rule. Same sign-in, CSP and CSRF checks as the inbox; a
 * larger body than the inbox's forms, for a model file.
 */
export function serviceRoutes(service: Service) {
  const pages = new Hono<LeadVariables>();
  pages.use('*', sameOriginPosts());
  pages.use('*', bodyLimit({ maxSize: 256 * 1024, onError: (c) => c.text('The form is too large.', 413) }));
  pages.use('*', requireSession(service));
  pages.use('*', requireLead(service));
  pages.use('*', requireFormToken());

  pages.get('/', overviewHandler(service));
  pages.get('/details', detailsFormHandler());
  pages.post('/details', saveDetailsHandler(service));
  pages.get('/capacity', capacityFormHandler());
  pages.post('/capacity', saveCapacityHandler(service));
  pages.get('/proposals/:id', proposalHandler(service));
  pages.post('/proposals/:id/agree', decideHandler(service, 'agree'));
  pages.post('/proposals/:id/send-back', decideHandler(service, 'send-back'));
  pages.get('/propose', proposeFormHandler(service));
  pages.post('/propose', proposeHandler(service));
  pages.get('/link-workers', linkWorkersHandler(service));
  pages.post('/link-workers', addLinkWorkerHandler(service));
  pages.post('/link-workers/:username/disable', accountStateHandler(service, 'disable'));
  pages.post('/link-workers/:username/enable', accountStateHandler(service, 'enable'));
  pages.get('/response-rule', responseRuleHandler(service));
  pages.post('/response-rule', saveResponseRuleHandler(service));
  pages.get('/audit', teamAuditHandler(service));
  return pages;
}
