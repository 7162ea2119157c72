import type { TFunction } from "i18next";
import { mailTranslator } from "../i18n.ts";
import type { Recipient } from "../repository.ts";
import { formatInstant } from "./format.ts";
import { type MailContent, type RenderedMail, renderMail } from "./layout.ts";

/** What ticket notices carry (see `ticketNotice` in the tickets module). */
export interface TicketNotice {
  ticketId: string;
  number: string;
  subject: string;
  status: string;
  severity: string;
  serviceName: string | null;
}

export type CustomerTicketMail =
  | { kind: "created"; asRequester: boolean }
  /** An agent's public answer; `solved` when the answer also solved the ticket. */
  | { kind: "answered"; body: string; solved: boolean }
  | { kind: "solved" }
  | { kind: "closed"; automatic: boolean }
  | { kind: "reminder"; waitingSince: string };

export type StaffTicketMail = {
  kind: "sla-warning" | "sla-breached";
  clock: string;
  dueAt: string;
};

function greeting(t: TFunction, recipient: Recipient): string {
  return recipient.name.trim()
    ? t("common.greeting", { name: recipient.name.trim() })
    : t("common.greetingAnonymous");
}

function facts(t: TFunction, ticket: TicketNotice, status: boolean): [string, string][] {
  const rows: [string, string][] = [
    [t("facts.ticket"), ticket.number],
    [t("facts.subject"), ticket.subject],
  ];
  if (ticket.serviceName) rows.push([t("facts.service"), ticket.serviceName]);
  if (status) rows.push([t("facts.status"), t(`status.${ticket.status}`)]);
  rows.push([t("facts.severity"), t(`severity.${ticket.severity}`)]);
  return rows;
}

/** The number first, so mail clients and people sort and find a ticket's mails by it. */
function subjectOf(ticket: TicketNotice, line: string): string {
  return `[${ticket.number}] ${line}`;
}

/** A notice about a ticket to a customer's user, in the user's language. */
export function customerTicketMail(
  recipient: Recipient,
  ticket: TicketNotice,
  mail: CustomerTicketMail,
): RenderedMail {
  const t = mailTranslator(recipient.language);
  const base = {
    language: recipient.language,
    greeting: greeting(t, recipient),
    after: [t("common.replyHint")],
    footer: [t("common.customerFooter")],
  };
  const subject = (key: string) => subjectOf(ticket, t(key, { subject: ticket.subject }));
  let content: MailContent;
  switch (mail.kind) {
    case "created":
      content = {
        ...base,
        subject: subject("ticketCreated.subject"),
        paragraphs: [t(mail.asRequester ? "ticketCreated.requester" : "ticketCreated.contact")],
        facts: facts(t, ticket, false),
      };
      break;
    case "answered":
      content = {
        ...base,
        subject: subject(mail.solved ? "ticketSolved.subject" : "ticketAnswered.subject"),
        paragraphs: [t("ticketAnswered.intro")],
        quote: mail.body,
        facts: facts(t, ticket, !mail.solved),
        after: mail.solved ? [t("ticketSolved.intro"), ...base.after] : base.after,
      };
      break;
    case "solved":
      content = {
        ...base,
        subject: subject("ticketSolved.subject"),
        paragraphs: [t("ticketSolved.intro")],
        facts: facts(t, ticket, false),
      };
      break;
    case "closed":
      content = {
        ...base,
        subject: subject("ticketClosed.subject"),
        paragraphs: [t(mail.automatic ? "ticketClosed.automatic" : "ticketClosed.intro")],
        facts: facts(t, ticket, false),
        // A closed ticket takes no more replies: a new mail opens a new ticket.
        after: [],
      };
      break;
    case "reminder":
      content = {
        ...base,
        subject: subject("ticketReminder.subject"),
        paragraphs: [
          t("ticketReminder.intro", {
            since: formatInstant(mail.waitingSince, recipient.language, recipient.timeZone),
          }),
        ],
        facts: facts(t, ticket, false),
      };
      break;
  }
  return renderMail(content);
}

/** An SLA warning or breach to a staff member. */
export function staffTicketMail(
  recipient: Recipient,
  ticket: TicketNotice,
  mail: StaffTicketMail,
): RenderedMail {
  const t = mailTranslator(recipient.language);
  const key = mail.kind === "sla-warning" ? "slaWarning" : "slaBreached";
  const clock = t(`clock.${mail.clock}`);
  const dueAt = formatInstant(mail.dueAt, recipient.language, recipient.timeZone);
  return renderMail({
    language: recipient.language,
    subject: subjectOf(ticket, t(`${key}.subject`, { subject: ticket.subject })),
    greeting: greeting(t, recipient),
    paragraphs: [t(`${key}.intro`, { clock, dueAt })],
    facts: [...facts(t, ticket, false), [t("facts.clock"), clock], [t("facts.dueAt"), dueAt]],
    footer: [t("common.staffFooter")],
  });
}

export { greeting };
