import { HttpRequest } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'

type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  additionalProperties?: boolean | Schema
  items?: Schema | Schema[]
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
}

/** What the framework adds beside the body and query string: not the client's fields. */
const CONTEXT_KEYS = new Set(['params', 'headers', 'cookies'])

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * Fields of `data` that `schema` (a validator's JSON Schema) does not
 * declare, as dotted paths. Where the schema branches (unions), nothing
 * below is judged.
 */
export function unknownFields(schema: Schema, data: unknown, path = '', top = true): string[] {
  if (schema.anyOf || schema.oneOf || schema.allOf) return []
  if (Array.isArray(data)) {
    if (!schema.items || Array.isArray(schema.items)) return []
    return data.flatMap((item, index) => unknownFields(schema.items as Schema, item, `${path}${index}.`, false))
  }
  if (!isPlainObject(data)) return []
  const found: string[] = []
  for (const [key, value] of Object.entries(data)) {
    if (top && CONTEXT_KEYS.has(key)) continue
    const declared = schema.properties?.[key]
    if (declared) found.push(...unknownFields(declared, value, `${path}${key}.`, false))
    else if (schema.additionalProperties === false) found.push(`${path}${key}`)
    else if (isPlainObject(schema.additionalProperties)) found.push(...unknownFields(schema.additionalProperties, value, `${path}${key}.`, false))
  }
  return found
}

const schemas = new WeakMap<object, Schema>()

/**
 * `request.validateUsing` also refuses fields the validator does not
 * declare (Vine drops them silently): a client that sends `stock` where it
 * is not accepted, or misspells a field, gets a 422 naming it instead of a
 * 200 that ignored it. Reported together with Vine's own errors.
 */
export function installStrictFields() {
  const prototype = HttpRequest.prototype as unknown as {
    validateUsing(validator: any, options?: any): Promise<unknown>
    all(): Record<string, unknown>
    __pasarStrictFields?: boolean
  }
  if (prototype.__pasarStrictFields) return
  const original = prototype.validateUsing
  prototype.validateUsing = async function (this: typeof prototype, validator: any, options?: any) {
    let schema = schemas.get(validator)
    if (!schema && typeof validator.toJSONSchema === 'function') {
      schema = validator.toJSONSchema() as Schema
      schemas.set(validator, schema)
    }
    const unknown = schema ? unknownFields(schema, options?.data ?? this.all()) : []
    const extra = unknown.map((field) => ({ field, rule: 'unknown', message: `${field} is not a field of this request` }))
    try {
      const result = await original.call(this, validator, options)
      if (extra.length) throw new vineErrors.E_VALIDATION_ERROR(extra)
      return result
    } catch (error) {
      if (extra.length && error instanceof vineErrors.E_VALIDATION_ERROR && error.messages !== extra) {
        throw new vineErrors.E_VALIDATION_ERROR([...(error.messages as object[]), ...extra])
      }
      throw error
    }
  }
  prototype.__pasarStrictFields = true
}
