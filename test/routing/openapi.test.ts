import { describe, expect, it } from "vitest";
import { testContext } from "../helpers/context.ts";

describe("routing in the OpenAPI document", () => {
  it("documents every routing endpoint from the schemas that validate it", async () => {
    const { app } = await testContext();
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
    const methods = (path: string) => Object.keys(paths[`/api/v1${path}`] ?? {}).sort();
    expect(methods("/queues")).toEqual(["get"]);
    expect(methods("/queues/mine")).toEqual(["get"]);
    expect(methods("/queues/{universe}/{tier}/{language}/tickets")).toEqual(["get"]);
    for (const action of ["assign", "take", "unassign", "escalate"]) {
      expect(methods(`/tickets/{number}/${action}`)).toEqual(["post"]);
    }
    expect(methods("/tickets/{number}/escalations")).toEqual(["get"]);
    expect(methods("/tickets/{number}/messages/{messageId}/rating")).toEqual(["post"]);
    expect(methods("/quality/agents")).toEqual(["get"]);
    expect(methods("/quality/teams")).toEqual(["get"]);

    const rating = paths["/api/v1/tickets/{number}/messages/{messageId}/rating"]?.post as {
      requestBody: {
        content: Record<string, { schema: { properties: { rating: { enum: string[] } } } }>;
      };
    };
    expect(rating.requestBody.content["application/json"]?.schema.properties.rating.enum).toEqual([
      "solved",
      "not-answered",
    ]);
    const escalate = paths["/api/v1/tickets/{number}/escalate"]?.post as {
      requestBody: { content: Record<string, { schema: { required: string[] } }> };
    };
    expect(escalate.requestBody.content["application/json"]?.schema.required).toEqual(["summary"]);
  });
});
