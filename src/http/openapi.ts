import { Type } from "@sinclair/typebox";

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
