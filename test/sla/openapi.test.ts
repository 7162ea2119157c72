import { describe, expect, it } from "vitest";
import { testContext } from "../helpers/context.ts";

describe("business calendars in the OpenAPI document", () => {
  it("documents the calendar endpoints from the schemas that validate them", async () => {
    const { app } = await testContext();
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths["/api/v1/support/calendars"] ?? {})).toEqual(["get"]);
    const one = paths["/api/v1/support/calendars/{code}"] ?? {};
    expect(Object.keys(one).sort()).toEqual(["get", "put"]);
    const put = one.put as { requestBody: { content: Record<string, { schema: unknown }> } };
    const schema = put.requestBody.content["application/json"]?.schema as {
      required: string[];
      additionalProperties: boolean;
      properties: { weeklyHours: { properties: Record<string, { items: { maxItems: number } }> } };
    };
    expect(schema.required).toEqual(["name", "timeZone", "weeklyHours"]);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.weeklyHours.properties)).toEqual([
      "mon",
      "tue",
      "wed",
      "thu",
      "fri",
      "sat",
      "sun",
    ]);
    expect(schema.properties.weeklyHours.properties.mon?.items.maxItems).toBe(2);
  });
});
