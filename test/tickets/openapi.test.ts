import { describe, expect, it } from "vitest";
import { testContext } from "../helpers/context.ts";

describe("tickets in the OpenAPI document", () => {
  it("documents every ticket endpoint from the schemas that validate it", async () => {
    const { app } = await testContext();
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
    const methods = (path: string) => Object.keys(paths[`/api/v1${path}`] ?? {}).sort();
    expect(methods("/tickets")).toEqual(["get", "post"]);
    expect(methods("/tickets/intake")).toEqual(["get"]);
    expect(methods("/tickets/{number}")).toEqual(["get"]);
    expect(methods("/tickets/{number}/messages")).toEqual(["get", "post"]);
    for (const action of ["notes", "status", "close", "reopen", "out-of-perimeter-answer"]) {
      expect(methods(`/tickets/{number}/${action}`)).toEqual(["post"]);
    }
    expect(methods("/tickets/{number}/attachments/{id}")).toEqual(["get"]);
    expect(methods("/attachments")).toEqual(["post"]);

    const create = paths["/api/v1/tickets"]?.post as {
      requestBody: { content: Record<string, { schema: { required: string[] } }> };
    };
    expect(create.requestBody.content["application/json"]?.schema.required).toEqual([
      "category",
      "impact",
      "urgency",
      "subject",
      "body",
    ]);
    const status = paths["/api/v1/tickets/{number}/status"]?.post as {
      requestBody: {
        content: Record<string, { schema: { properties: { status: { enum: string[] } } } }>;
      };
    };
    expect(status.requestBody.content["application/json"]?.schema.properties.status.enum).toEqual([
      "waiting-for-customer",
      "waiting-for-provider",
      "on-hold",
      "solved",
    ]);
  });
});
