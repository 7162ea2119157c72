import type { paths } from "../../api/schema.d.ts";

type Ok<Op> = Op extends { responses: { 200: { content: { "application/json": infer T } } } }
  ? T
  : never;

/** The JSON a GET answers with on 200, for schemas the OpenAPI document does not name. */
export type GetOk<P extends keyof paths> = Ok<paths[P]["get"]>;

/** The JSON body a PUT, POST or PATCH takes. */
export type BodyOf<
  P extends keyof paths,
  M extends "put" | "post" | "patch",
> = paths[P][M] extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
