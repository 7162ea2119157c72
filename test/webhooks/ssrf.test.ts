import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress } from "../../src/modules/webhooks/address.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  type TestService,
  type TestUser,
} from "../helpers/factories.ts";
import { openIncident, ticketRow } from "../helpers/ticket-factories.ts";
import {
  callApi,
  deliveryRows,
  dispatch,
  runDelivery,
  subscribe,
  takeJobs,
  ticketOutbox,
} from "./helpers.ts";
import { Receiver } from "./receiver.ts";

// Account webhooks reach the public Internet only (src/modules/webhooks/address.ts). The shared
// test context allows private targets, since every test receiver listens on 127.0.0.1; these
// tests switch the check on for their own duration.

let ctx: TestContext;
let customer: TestUser;
let service: TestService;
let receiver: Receiver;

beforeAll(async () => {
  ctx = await testContext();
  customer = await createUser(ctx.db, await createAccount(ctx.db));
  service = await createService(ctx.db, { admin: customer.account });
  receiver = await Receiver.start();
});
afterEach(() => {
  ctx.config.webhookAllowPrivateTargets = true;
});
afterAll(async () => {
  await receiver.stop();
});

describe("public addresses", () => {
  it.each([
    ["8.8.8.8", true],
    ["1.1.1.1", true],
    ["2606:4700:4700::1111", true],
    ["[2a00:1450:4007:80f::200e]", true],
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["192.168.1.10", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["198.18.0.1", false],
    ["224.0.0.1", false],
    ["255.255.255.255", false],
    ["::1", false],
    ["[::1]", false],
    ["::", false],
    ["fd00::1", false],
    ["fe80::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["::ffff:8.8.8.8", true],
    ["not-an-address", false],
  ])("%s is public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("account webhooks and private networks", () => {
  it.each([
    "https://127.0.0.1/hook",
    "https://10.0.0.5/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://[::1]:8443/hook",
    "https://[::ffff:192.168.0.1]/hook",
    "https://localhost:8443/hook",
    "https://metadata.google.internal/hook",
    "http://127.0.0.1:9000/hook",
  ])("refuses %s when subscribing, naming the url field", async (url) => {
    ctx.config.webhookAllowPrivateTargets = false;
    const res = await callApi(ctx, customer, "POST", "/webhooks", {
      url,
      eventTypes: ["ticket.created"],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: "url", in: "body" })]);
  });

  it("refuses moving an existing subscription to a private address", async () => {
    const sub = await subscribe(ctx, customer, {
      url: "https://hooks.example.com/palier",
      eventTypes: ["ticket.created"],
    });
    ctx.config.webhookAllowPrivateTargets = false;
    const res = await callApi(ctx, customer, "PATCH", `/webhooks/${sub.id}`, {
      url: "https://192.168.10.20/palier",
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors?.[0]?.field).toBe("url");
    const after = await callApi(ctx, customer, "GET", `/webhooks/${sub.id}`);
    expect(after.json().url).toBe("https://hooks.example.com/palier");
  });

  it("lets a staff admin's global subscription reach an internal receiver", async () => {
    ctx.config.webhookAllowPrivateTargets = false;
    const admin = await createStaff(ctx.db, { role: "admin" });
    const sub = await subscribe(ctx, admin, {
      url: receiver.url("/internal"),
      eventTypes: ["ticket.created"],
    });
    expect(sub.url).toBe(receiver.url("/internal"));
  });

  it.each([
    ["an address literal", (port: number) => `http://127.0.0.1:${port}/hooks/literal`],
    ["a name that resolves to one", (port: number) => `http://localhost:${port}/hooks/name`],
  ])("never connects to a private address given as %s at delivery", async (_, urlFor) => {
    // Subscribed while allowed (or before the name pointed inward), delivered once refused.
    const url = urlFor(receiver.port);
    const sub = await subscribe(ctx, customer, { url, eventTypes: ["ticket.created"] });
    const ticket = await openIncident(ctx, customer, service);
    const { id } = await ticketRow(ctx.db, ticket.number);
    await dispatch(ctx, await ticketOutbox(ctx.db, id));
    const [job] = await takeJobs(ctx, [sub.id]);
    if (!job) throw new Error("no delivery job");

    ctx.config.webhookAllowPrivateTargets = false;
    const before = receiver.requests.length;
    const retry = await runDelivery(ctx, job);
    expect(retry).toBeInstanceOf(Error);
    expect(receiver.requests.length).toBe(before);
    const [attempt] = await deliveryRows(ctx.db, sub.id);
    expect(attempt).toMatchObject({ status: "failed", status_code: null });
    expect(attempt?.error).toMatch(/EPRIVATETARGET: .* is not a public address/);
  });
});
