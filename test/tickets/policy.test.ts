import { describe, expect, it } from "vitest";
import type { StaffPrincipal, UserPrincipal } from "../../src/http/principal.ts";
import type { AppError } from "../../src/http/problem.ts";
import {
  authorizeTicket,
  customerSees,
  mayDo,
  TICKET_ACTIONS,
  type TicketAction,
  type TicketScope,
  ticketPolicy,
} from "../../src/modules/tickets/policy.ts";
import { parseTicketNumber, severityOf } from "../../src/modules/tickets/rules.ts";

const user = (accountId: string): UserPrincipal => ({
  kind: "user",
  userId: "u",
  email: "u@example.test",
  name: "U",
  language: "en",
  accountId,
  nicHandle: "ab123-pal",
  region: "EU",
});
const staff = (role: StaffPrincipal["role"], universes = ["server"]): StaffPrincipal => ({
  kind: "staff",
  staffId: "s",
  email: "s@palier.test",
  name: "S",
  role,
  tier: "L1",
  universes,
  region: "EU",
});

const contacts = { admin_account_id: "A", tech_account_id: "T", billing_account_id: "B" };
const ticket = (category: TicketScope["category"], account = "A"): TicketScope => ({
  account_id: account,
  category,
  universe: "server",
  service: contacts,
});

describe("ticket policy table: role × action", () => {
  const expected: Record<TicketAction, string> = {
    "ticket.open": "customer",
    "ticket.read": "customer agent lead admin",
    "ticket.messages.read-internal": "agent lead admin",
    "ticket.reply": "customer",
    "ticket.answer": "agent lead admin",
    "ticket.note": "agent lead admin",
    "ticket.status.set": "agent lead admin",
    "ticket.close": "customer",
    "ticket.reopen": "customer",
    "ticket.out-of-perimeter-answer": "agent lead admin",
    "attachment.upload": "customer agent lead admin",
  };
  it.each(TICKET_ACTIONS)("%s", (action) => {
    expect(ticketPolicy[action].join(" ")).toBe(expected[action]);
    expect(mayDo(user("A"), action)).toBe(expected[action].includes("customer"));
    for (const role of ["agent", "lead", "admin"] as const) {
      expect(mayDo(staff(role), action)).toBe(expected[action].includes(role));
    }
  });
});

describe("which customer sees which ticket", () => {
  it.each([
    ["admin", "A", "incident", true],
    ["admin", "A", "billing", true],
    ["tech", "T", "incident", true],
    ["tech", "T", "assistance", true],
    ["tech", "T", "billing", false],
    ["billing", "B", "billing", true],
    ["billing", "B", "incident", false],
    ["no role", "X", "incident", false],
  ] as const)("%s contact (%s) on a %s ticket opened by another → %s", (_r, id, category, seen) => {
    expect(customerSees(user(id), ticket(category, "someone-else"))).toBe(seen);
  });

  it("always shows an account its own tickets, even without a service", () => {
    expect(customerSees(user("X"), { ...ticket("commercial", "X"), service: null })).toBe(true);
    expect(customerSees(user("A"), { ...ticket("commercial", "X"), service: null })).toBe(false);
  });

  it("answers 404 to who may not know a ticket, 403 to who may but not do the action", () => {
    const status = (fn: () => void) => {
      try {
        fn();
        return 200;
      } catch (error) {
        return (error as AppError).status;
      }
    };
    expect(status(() => authorizeTicket(user("B"), ticket("incident"), "ticket.read"))).toBe(404);
    expect(status(() => authorizeTicket(user("A"), ticket("incident"), "ticket.note"))).toBe(403);
    expect(
      status(() => authorizeTicket(staff("agent", ["market"]), ticket("incident"), "ticket.read")),
    ).toBe(404);
    expect(
      status(() => authorizeTicket(staff("lead", []), ticket("incident"), "ticket.note")),
    ).toBe(200);
    expect(status(() => authorizeTicket(staff("agent"), ticket("incident"), "ticket.close"))).toBe(
      403,
    );
  });
});

describe("rules", () => {
  it("reads ticket numbers with or without the prefix", () => {
    expect(parseTicketNumber("PAL-100123")).toBe(100123);
    expect(parseTicketNumber("pal-100123")).toBe(100123);
    expect(parseTicketNumber("100123")).toBe(100123);
    expect(parseTicketNumber("PAL-")).toBeNull();
    expect(parseTicketNumber("TKT-1")).toBeNull();
  });

  it("derives severity by the documented matrix", () => {
    expect(severityOf("high", "high")).toBe("critical");
    expect(severityOf("medium", "high")).toBe("high");
    expect(severityOf("low", "high")).toBe("medium");
    expect(severityOf("low", "medium")).toBe("low");
  });
});
