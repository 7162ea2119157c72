import { describe, expect, it } from "vitest";
import { testContext } from "../helpers/context.ts";

describe("support endpoints in the OpenAPI document", () => {
  it("documents every support endpoint with its methods and the shared offer schema", async () => {
    const { app } = await testContext();
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const paths = doc.paths as Record<string, Record<string, { tags?: string[] }>>;
    const methods = (path: string) => Object.keys(paths[`/api/v1${path}`] ?? {}).sort();
    expect(methods("/support/levels")).toEqual(["get"]);
    expect(methods("/support/offers")).toEqual(["get"]);
    expect(methods("/support/offers/{id}")).toEqual(["get", "patch"]);
    expect(methods("/accounts/{nic}/subscriptions")).toEqual(["get"]);
    expect(methods("/accounts/{nic}/subscriptions/{universe}")).toEqual(["put"]);
    expect(methods("/accounts/{nic}/subscriptions/{universe}/history")).toEqual(["get"]);
    expect(methods("/accounts/{nic}/subscriptions/{universe}/charge")).toEqual(["get"]);
    expect(methods("/accounts/{nic}/fast-path")).toEqual(["delete", "get", "post"]);
    expect(paths["/api/v1/accounts/{nic}/fast-path"]?.post?.tags).toEqual(["support"]);
    expect(Object.keys(doc.components.schemas)).toContain("SupportOffer");
  });
});
