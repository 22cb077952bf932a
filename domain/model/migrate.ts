import { needLabel } from '../referral/needs';
import { type Pathway, type ServiceModel, serviceModelSchema } from './model';
import { type ServiceModelV1, serviceModelV1Schema } from './model-v1';

/** The one group a version 1 model described, named in plain words from its bounds. */
function pathwayLabel({ scope }: ServiceModelV1): string {
  const { minAge, maxAge } = scope;
  const ages =
    minAge !== undefined && maxAge !== undefined
      ? `aged ${minAge} to ${maxAge}`
      : minAge !== undefined
        ? `aged ${minAge} and over`
        : maxAge !== undefined
          ? `aged up to ${maxAge}`
          : undefined;
  const where = scope.postcodeAreas.length ? `in ${scope.postcodeAreas.join(', ')}` : undefined;
  const needs = scope.mustInclude.map((code) => needLabel(code).toLowerCase());
  const withNeed = needs.length ? `with ${needs.join(' or ')}` : undefined;
  if (!ages && !where && !withNeed) return 'Anyone';
  const label = ['People', ages, where, withNeed].filter(Boolean).join(' ');
  return label.length <= 200 ? label : `${label.slice(0, 199)}…`;
}

/**
 * A version 1 model as version 2: its one age range, areas, needs and must-include become the one pathway, and every
 * safety rule is kept as it was — an open model's redirect stays a redirect, because it was the agreement's explicit
 * choice (the options page says so). Pure: the model given is not changed.
 */
export function modelFromV1(v1: ServiceModelV1): ServiceModel {
  const { formatVersion: _v1, scope, ...rest } = v1;
  const pathway: Pathway = {
    label: pathwayLabel(v1),
    postcodeAreas: [...scope.postcodeAreas],
    needs: [...scope.needs],
    mustInclude: [...scope.mustInclude],
  };
  if (scope.minAge !== undefined) pathway.minAge = scope.minAge;
  if (scope.maxAge !== undefined) pathway.maxAge = scope.maxAge;
  return {
    ...structuredClone(rest),
    formatVersion: 2,
    scope: {
      pathways: [pathway],
      practices: [...scope.practices],
      outOfScopeRoute: structuredClone(scope.outOfScopeRoute),
    },
  };
}

/**
 * Data that may be a version 1 model, as version 2 data: a valid version 1 model is migrated; anything else is given
 * back unchanged, so that the version 2 schema then says what is wrong with it. For stored settings and settings files.
 */
export function upgradeModelData(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || (data as { formatVersion?: unknown }).formatVersion !== 1) {
    return data;
  }
  const v1 = serviceModelV1Schema.safeParse(data);
  const v2 = v1.success ? serviceModelSchema.safeParse(modelFromV1(v1.data)) : undefined;
  return v2?.success ? v2.data : data;
}

/** Settings data (stored, or in a settings file) with its model and each saved version's model brought forward. */
export function upgradeSettingsModels(settings: unknown): unknown {
  if (typeof settings !== 'object' || settings === null) return settings;
  const { model, modelHistory } = settings as { model?: unknown; modelHistory?: unknown };
  return {
    ...settings,
    ...(model === undefined ? {} : { model: upgradeModelData(model) }),
    ...(Array.isArray(modelHistory)
      ? {
          modelHistory: modelHistory.map((entry: unknown) =>
            typeof entry === 'object' && entry !== null && 'model' in entry
              ? { ...entry, model: upgradeModelData(entry.model) }
              : entry,
          ),
        }
      : {}),
  };
}
