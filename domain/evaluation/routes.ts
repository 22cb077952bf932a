import type { Route, ServiceModel } from '../model/model';

/** What a redirect to a route the model does not name is counted as (a card from elsewhere, e.g. a paused service). */
export const OTHER_ROUTE = 'Another route';

/**
 * The route's directory id, else its service name as the model gives it, cut to what the counts carry (letters,
 * digits, spaces and a little punctuation: routeNameSchema).
 */
export function routeName(route: Route): string {
  if (route.serviceId) return route.serviceId;
  const name = route.service
    .replace(/[^\p{L}\p{N} &'’(),./:-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .trim()
    .slice(0, 120)
    .trim();
  return name || OTHER_ROUTE;
}

/**
 * Every route a model names, as the counts name them: out of scope, each safety question's, a pause's. A redirect is
 * counted by one of these (or OTHER_ROUTE), and the queue takes no other for a service's agreed model (HEC2).
 */
export function modelRoutes(model: ServiceModel): string[] {
  const routes = [
    model.scope.outOfScopeRoute,
    ...Object.values(model.safety).flatMap((rule) => (rule.redirectTo ? [rule.redirectTo] : [])),
    ...(model.capacity.status === 'paused' ? [model.capacity.redirectTo] : []),
  ];
  return [...new Set([...routes.map(routeName), OTHER_ROUTE])];
}
