import { describe, expect, it } from "vitest";
import { selectAttachments } from "../../src/modules/inbound-mail/attachments.ts";
import { automaticReason, type MailTraits } from "../../src/modules/inbound-mail/classify.ts";
import { mentions, placeNewTicket } from "../../src/modules/inbound-mail/placement.ts";
import { stripQuotedText } from "../../src/modules/inbound-mail/quotes.ts";
import type { AccountServiceRow } from "../../src/modules/inbound-mail/repository.ts";
import { ticketFromMessageId } from "../../src/modules/inbound-mail/threading.ts";

describe("stripping quoted text and signatures", () => {
  const cases: [string, string, string][] = [
    [
      "English quote header",
      "Thanks, that fixed it.\n\nOn Wed, Dec 2, 2026 at 10:00 AM Palier <support@palier.localhost> wrote:\n> Restart it.\n",
      "Thanks, that fixed it.",
    ],
    [
      "French quote header",
      "Merci !\n\nLe mer. 2 déc. 2026 à 10:00, Palier <support@palier.localhost> a écrit :\n> Redémarrez.\n",
      "Merci !",
    ],
    [
      "French header wrapped over two lines",
      "Oui\n\nLe mer. 2 déc. 2026 à 10:00, Palier Support <\nsupport@palier.localhost> a écrit :\n> x\n",
      "Oui",
    ],
    [
      "Russian написал(а)",
      "Спасибо.\n\n2 дек. 2026 г., в 10:00, Palier <support@palier.localhost> написал(а):\n> Перезапустите.\n",
      "Спасибо.",
    ],
    [
      "Russian header wrapped",
      "Спасибо.\n\n2 дек. 2026 г., в 10:00, Palier <support@palier.localhost>\nнаписал(а):\n> x\n",
      "Спасибо.",
    ],
    [
      "Russian пишет",
      "Готово!\n\n02.12.2026 10:00, Palier Support пишет:\n> Перезапустите.\n",
      "Готово!",
    ],
    [
      "Russian date-and-address header",
      "Ок\n\nср, 2 дек. 2026 г. в 10:00, Palier <support@palier.localhost>:\n> x\n",
      "Ок",
    ],
    [
      "Russian Outlook separator",
      "Ок\n\n-----Исходное сообщение-----\nОт: Palier <support@palier.localhost>\nТема: x\n\nbody\n",
      "Ок",
    ],
    ["-- signature", "Here is the log.\n\n-- \nJean Dupont\nACME\n", "Here is the log."],
    ["mobile signature in Russian", "Ок\n\nОтправлено с iPhone\n", "Ок"],
    ["nothing to strip", "Line one\nline two\n", "Line one\nline two"],
  ];
  it.each(cases)("%s", (_label, input, expected) => {
    expect(stripQuotedText(input).text).toBe(expected);
  });

  it("says whether it cut anything", () => {
    expect(stripQuotedText("Just this").stripped).toBe(false);
    expect(stripQuotedText("Yes\n\n> earlier\n").stripped).toBe(true);
  });

  it("handles a very long line without the parser's slow patterns", () => {
    const long = `On ${"a ".repeat(20_000)}\n> quoted\nkept`;
    expect(stripQuotedText(long).text).not.toContain("quoted");
  });
});

describe("recognising automatic mail", () => {
  const traits = (over: Partial<MailTraits> & { headers?: Record<string, string> }) => ({
    header: (name: string) => over.headers?.[name] ?? null,
    contentType: over.contentType ?? "text/plain",
    subject: over.subject ?? "Help",
    envelopeFrom: over.envelopeFrom === undefined ? "a@b.test" : over.envelopeFrom,
    fromAddress: over.fromAddress ?? "a@b.test",
  });

  it("names the first reason in the documented order", () => {
    expect(automaticReason(traits({ headers: { "auto-submitted": "auto-generated" } }))).toBe(
      "auto-submitted",
    );
    expect(automaticReason(traits({ headers: { "auto-submitted": "no" } }))).toBeNull();
    expect(automaticReason(traits({ headers: { precedence: "List" } }))).toBe("precedence");
    expect(automaticReason(traits({ headers: { precedence: "first-class" } }))).toBeNull();
    expect(automaticReason(traits({ envelopeFrom: null }))).toBe("null-sender");
    expect(automaticReason(traits({ envelopeFrom: "" }))).toBe("null-sender");
    expect(automaticReason(traits({ fromAddress: "Postmaster@x.test" }))).toBe("mailer-daemon");
    expect(automaticReason(traits({ headers: { "x-autorespond": "1" } }))).toBe(
      "auto-reply-header",
    );
    expect(automaticReason(traits({ headers: { "x-auto-response-suppress": "All" } }))).toBe(
      "auto-reply-header",
    );
    expect(automaticReason(traits({ headers: { "x-auto-response-suppress": "DR" } }))).toBeNull();
    expect(automaticReason(traits({ headers: { "list-id": "<l.x.test>" } }))).toBe("mailing-list");
    expect(automaticReason(traits({ contentType: "multipart/report" }))).toBe("delivery-report");
  });

  it("reads out-of-office subjects in en, fr and ru, but not customers' words", () => {
    for (const subject of [
      "Out of Office: Re: PAL-1",
      "Automatic reply: ticket",
      "Auto-Reply",
      "Absent du bureau - retour lundi",
      "Réponse automatique : Re: ticket",
      "Автоматический ответ: Re: обращение",
      "В отпуске",
    ]) {
      expect(automaticReason(traits({ subject })), subject).toBe("out-of-office-subject");
    }
    for (const subject of ["Out of office users cannot log in", "Absence of logs", "Hello"]) {
      expect(automaticReason(traits({ subject })), subject).toBeNull();
    }
  });
});

describe("our message ids", () => {
  const id = "0b7c4c1e-2f3a-4d5e-8f90-123456789abc";
  it("name a ticket, at our domain only", () => {
    expect(ticketFromMessageId(`<t-${id}@palier.localhost>`, "palier.localhost")).toBe(id);
    expect(ticketFromMessageId(`<t-${id}.17@Palier.Localhost>`, "palier.localhost")).toBe(id);
    expect(ticketFromMessageId(`<t-${id}@elsewhere.test>`, "palier.localhost")).toBeNull();
    expect(ticketFromMessageId(`<cc-${id}.1@palier.localhost>`, "palier.localhost")).toBeNull();
  });
});

describe("where a mailed ticket goes", () => {
  const me = "acc-me";
  const other = "acc-other";
  const service = (name: string, universe: string, roles: Partial<Record<string, string>> = {}) =>
    ({
      id: name,
      name,
      product: "vps",
      universe,
      admin_account_id: roles.admin ?? me,
      tech_account_id: roles.tech ?? me,
      billing_account_id: roles.billing ?? me,
    }) as AccountServiceRow;

  it("follows the default service rules", () => {
    const a = service("a.example", "server");
    const b = service("b.example", "server");
    const c = service("c.example", "public-cloud");
    const billingOnly = service("d.example", "server", { admin: other, tech: other });
    expect(placeNewTicket(me, [a], "hi")).toEqual({
      kind: "service",
      category: "assistance",
      serviceName: "a.example",
    });
    expect(placeNewTicket(me, [a, b], "about b.example.")).toMatchObject({
      serviceName: "b.example",
    });
    expect(placeNewTicket(me, [a, b], "hi")).toEqual({
      kind: "universe",
      category: "account",
      universe: "server",
    });
    expect(placeNewTicket(me, [billingOnly], "hi")).toMatchObject({ universe: "server" });
    expect(placeNewTicket(me, [a, c], "hi")).toEqual({
      kind: "none",
      reason: "ambiguous-service",
      services: ["a.example", "c.example"],
    });
    expect(placeNewTicket(me, [], "hi")).toMatchObject({ kind: "none", reason: "no-service" });
  });

  it("matches whole service names only", () => {
    expect(mentions("see a.example now", "a.example")).toBe(true);
    expect(mentions("see aa.example now", "a.example")).toBe(false);
    expect(mentions("see a.example.org now", "a.example")).toBe(false);
  });
});

describe("attachment limits", () => {
  const file = (filename: string, contentType: string, size: number) =>
    ({ filename, contentType, content: Buffer.alloc(size, 1) }) as never;
  it("keeps allowed files up to 10 MB each and 25 MB in all", () => {
    const MB = 1024 * 1024;
    const { kept, skipped } = selectAttachments([
      file("a.pdf", "application/pdf", 9 * MB),
      file("b.pdf", "application/pdf", 9 * MB),
      file("c.pdf", "application/pdf", 9 * MB),
      file("big.zip", "application/zip", 10 * MB + 1),
      file("d.txt", "text/plain; charset=utf-8", 10),
      file("e.bin", "application/octet-stream", 10),
      file("../../etc/f.txt", "text/plain", 0),
    ]);
    expect(kept.map((f) => f.filename)).toEqual(["a.pdf", "b.pdf", "d.txt"]);
    expect(skipped.map((f) => [f.filename, f.reason])).toEqual([
      ["c.pdf", "total"],
      ["big.zip", "too-large"],
      ["e.bin", "type"],
      ["f.txt", "empty"],
    ]);
  });
});
