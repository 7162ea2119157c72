import { type Static, type TNull, type TSchema, type TUnion, Type } from "@sinclair/typebox";

/** The RFC 9457 body of every error response. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String({ description: "Translated summary of the code" }),
    status: Type.Integer(),
    code: Type.String({ description: "Stable machine-readable error code" }),
    detail: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          in: Type.String(),
          message: Type.String(),
        }),
      ),
    ),
  },
  { $id: "Problem", title: "Problem" },
);

const problemRef = Type.Ref("Problem");

/** Adds the shared problem responses to a route's response map for the OpenAPI document. */
export function withProblems<T extends Record<number, unknown>>(responses: T) {
  return { ...responses, "4xx": problemRef, "5xx": problemRef };
}

export const securityRequirements: Array<Record<string, string[]>> = [
  { bearer: [] },
  { session: [] },
];

const PRIMITIVES = new Set(["string", "number", "integer", "boolean"]);

/**
 * `schema` or null. A primitive becomes `type: [T, "null"]` rather than `anyOf`: the response
 * serializer (fast-json-stringify) checks every `anyOf` value with ajv to pick a branch, which
 * on a page of 25 tickets with a dozen nullable fields each was a measurable part of a list.
 * Other schemas (objects, literal unions) stay `anyOf`.
 */
export function Nullable<T extends TSchema>(schema: T): TUnion<[T, TNull]> {
  const type = (schema as { type?: unknown }).type;
  if (typeof type === "string" && PRIMITIVES.has(type) && !("const" in schema)) {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, "null"] }) as never;
  }
  return Type.Union([schema, Type.Null()]);
}
