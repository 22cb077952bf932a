import type { Pathway, RequirableField, Route, SafetyAction, ServiceModel } from '../model/model';
import type { NeedCode } from '../referral/needs';
import type { ContactMode } from '../referral/patient';
import type { SafetyFlag } from '../referral/safety';
import { SAFETY_FLAGS } from '../referral/safety';

/** A route as the editor holds it: every box a string, blank meaning not given. */
export type RouteForm = { service: string; contact: string; guidance: string; serviceId: string };

/**
 * The model as the options page's editor holds it while the champion types: numbers and lists as the text in their
 * boxes, so that nothing typed is lost before it is checked. `fromForm` turns it back into a model, or located errors.
 */
export type ModelForm = {
  id: string;
  /** Carried, not edited: saving sets the next version. */
  version: number;
  name: string;
  kind: ServiceModel['kind'];
  service: { name: string; contact: string; whatHappensNext: string };
  agreement: { agreedBy: string[]; agreedOn: string; reviewBy: string; summary: string };
  scope: {
    /** The groups the service takes, each as its boxes hold it. */
    pathways: PathwayForm[];
    /** As typed: ODS codes separated by commas or spaces. */
    practices: string;
    outOfScopeRoute: RouteForm;
  };
  safety: Record<SafetyFlag, { action: SafetyAction; redirectTo: RouteForm }>;
  requiredFields: RequirableField[];
  contactModes: ContactMode[];
  capacity: {
    status: ServiceModel['capacity']['status'];
    typicalWeeks: string;
    message: string;
    redirectTo: RouteForm;
  };
  overridesAllowed: boolean;
};

/** One group (pathway) as the editor holds it. */
export type PathwayForm = {
  label: string;
  minAge: string;
  maxAge: string;
  /** As typed: areas separated by commas or spaces. */
  postcodeAreas: string;
  /** None ticked: any need. */
  needs: NeedCode[];
  mustInclude: NeedCode[];
};

export function pathwayForm(pathway?: Pathway): PathwayForm {
  return {
    label: pathway?.label ?? '',
    minAge: pathway?.minAge === undefined ? '' : String(pathway.minAge),
    maxAge: pathway?.maxAge === undefined ? '' : String(pathway.maxAge),
    postcodeAreas: pathway?.postcodeAreas.join(', ') ?? '',
    needs: [...(pathway?.needs ?? [])],
    mustInclude: [...(pathway?.mustInclude ?? [])],
  };
}

export function routeForm(route?: Route): RouteForm {
  return {
    service: route?.service ?? '',
    contact: route?.contact ?? '',
    guidance: route?.guidance ?? '',
    serviceId: route?.serviceId ?? '',
  };
}

export function toForm(model: ServiceModel): ModelForm {
  const { capacity } = model;
  return {
    id: model.id,
    version: model.version,
    name: model.name,
    kind: model.kind,
    service: {
      name: model.service.name,
      contact: model.service.contact,
      whatHappensNext: model.service.whatHappensNext ?? '',
    },
    agreement: { ...model.agreement, agreedBy: [...model.agreement.agreedBy] },
    scope: {
      pathways: model.scope.pathways.map(pathwayForm),
      practices: model.scope.practices.join(', '),
      outOfScopeRoute: routeForm(model.scope.outOfScopeRoute),
    },
    safety: Object.fromEntries(
      SAFETY_FLAGS.map((flag) => [
        flag,
        { action: model.safety[flag].action, redirectTo: routeForm(model.safety[flag].redirectTo) },
      ]),
    ) as ModelForm['safety'],
    requiredFields: [...model.requiredFields],
    contactModes: [...model.contactModes],
    capacity: {
      status: capacity.status,
      typicalWeeks: capacity.status === 'waiting-list' ? String(capacity.typicalWeeks) : '',
      message: capacity.status === 'paused' ? (capacity.message ?? '') : '',
      redirectTo: routeForm(capacity.status === 'paused' ? capacity.redirectTo : undefined),
    },
    overridesAllowed: model.overridesAllowed,
  };
}
