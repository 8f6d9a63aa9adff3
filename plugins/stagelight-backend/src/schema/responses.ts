/** A 4xx/5xx answer: the backend's error body, with what it means here. */
export function errorResponse<D extends string>(description: D) {
  return {
    description,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/Error' },
      },
    },
  } as const;
}

/** A JSON answer of the given schema. */
export function jsonSchemaResponse<D extends string, S>(
  description: D,
  schema: S,
) {
  return {
    description,
    content: { 'application/json': { schema } },
  } as const;
}

/** A JSON answer whose shape is the named type of `@stagelight/backstage-plugin-stagelight-common`. */
export function jsonResponse<D extends string, T extends string>(
  description: D,
  type: T,
) {
  return jsonSchemaResponse(description, {
    type: 'object',
    description: type,
  } as const);
}

/** A JSON request body of a schema in components. */
export function jsonBody<S extends string>(schema: S, required = true) {
  return {
    required,
    content: {
      'application/json': {
        schema: { $ref: `#/components/schemas/${schema}` },
      },
    },
  } as const;
}
