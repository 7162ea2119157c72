import { describe, expect, it } from "vitest";
import { testContext } from "../helpers/context.ts";

describe("catalogue in the OpenAPI document", () => {
  it("documents every catalogue endpoint from the schemas that validate it", async () => {
    const { app } = await testContext();
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths["/api/v1/catalog/regions/{code}"] ?? {})).toContain("patch");
    expect(Object.keys(paths["/api/v1/catalog/products"] ?? {}).sort()).toEqual(["get", "post"]);
    const area = paths["/api/v1/catalog/products/{id}/responsibilities/{area}"] ?? {};
    expect(Object.keys(area).sort()).toEqual(["delete", "put"]);
    const put = area.put as { requestBody: { content: Record<string, { schema: unknown }> } };
    const schema = put.requestBody.content["application/json"]?.schema as {
      required: string[];
      properties: { owner: { enum: string[] } };
    };
    expect(schema.required).toEqual(["owner", "explanation"]);
    expect(schema.properties.owner.enum).toEqual(["provider", "customer", "shared"]);
  });
});
