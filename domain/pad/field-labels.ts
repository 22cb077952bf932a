import type { RequirableField, ServiceModel } from '../model/model';

/** " (optional)" after a field's label, unless the model in force asks for the field: labels match the requirements. */
export function optional(model: ServiceModel | undefined, field: RequirableField): string {
  return model?.requiredFields.includes(field) ? '' : ' (optional)';
}
