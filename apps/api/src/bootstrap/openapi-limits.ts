import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

/** The part of an OpenAPI schema object this file reads and writes. */
interface SchemaObject {
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  $ref?: string;
  [keyword: string]: unknown;
}

/** class-validator rule → the OpenAPI keyword that states the same limit. */
const KEYWORDS: Record<string, string> = {
  minLength: 'minLength',
  maxLength: 'maxLength',
  min: 'minimum',
  max: 'maximum',
  arrayMinSize: 'minItems',
  arrayMaxSize: 'maxItems',
};

/**
 * Writes the limits the validators enforce (MinLength, MaxLength, Min, Max, ArrayMin/MaxSize) into
 * the request schemas of the OpenAPI document, so the document states the real limits rather than
 * what someone remembered to repeat in `@ApiProperty` — where the two disagree, the validator wins.
 */
export function describeValidationLimits(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const storage = getMetadataStorage();
  // The storage lists its classes only through this private map; its public lookup needs the class.
  const targets = (storage as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas.keys();
  for (const target of targets) {
    if (typeof target !== 'function') continue;
    const schema = schemas[target.name] as SchemaObject | undefined;
    if (!schema?.properties) continue;
    for (const rule of storage.getTargetValidationMetadatas(target, '', true, false)) {
      const keyword = rule.name ? KEYWORDS[rule.name] : undefined;
      const property = schema.properties[rule.propertyName] as SchemaObject | undefined;
      const limit: unknown = rule.constraints?.[0];
      if (!keyword || !property || property.$ref || typeof limit !== 'number') continue;
      const holder = rule.each && property.items && !property.items.$ref ? property.items : property;
      holder[keyword] = limit;
    }
  }
}
