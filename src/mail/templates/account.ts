import { mailTranslator } from "../i18n.ts";
import type { Recipient } from "../repository.ts";
import { formatInstant } from "./format.ts";
import { type RenderedMail, renderMail } from "./layout.ts";
import { greeting } from "./ticket.ts";

/** What contact-change notices carry (see `changeNotice` in the contact-changes module). */
export interface ContactChangeNotice {
  contactChangeId: string;
  serviceName: string;
  role: string;
  fromNicHandle: string;
  toNicHandle: string;
  expiresAt: string;
  side: "giving" | "receiving";
}

export type ContactChangeOutcome = "done" | "refused" | "expired" | "aborted";

function footer(recipient: Recipient): string[] {
  const t = mailTranslator(recipient.language);
  return [t("common.accountFooter", { nic: recipient.accountNic ?? "" })];
}

function changeFacts(recipient: Recipient, change: ContactChangeNotice): [string, string][] {
  const t = mailTranslator(recipient.language);
  return [
    [t("facts.service"), change.serviceName],
    [t("facts.role"), t(`role.${change.role}`)],
    [t("facts.from"), change.fromNicHandle],
    [t("facts.to"), change.toNicHandle],
  ];
}

function wording(recipient: Recipient, change: ContactChangeNotice) {
  return {
    service: change.serviceName,
    role: mailTranslator(recipient.language)(`role.${change.role}`),
    from: change.fromNicHandle,
    to: change.toNicHandle,
  };
}

/** The request to one side, with its one-time link and token: the mail is secret. */
export function contactChangeRequestedMail(
  recipient: Recipient,
  change: ContactChangeNotice,
  secret: { link: string; token: string },
): RenderedMail {
  const t = mailTranslator(recipient.language);
  const words = wording(recipient, change);
  const expiresAt = formatInstant(change.expiresAt, recipient.language, recipient.timeZone);
  return renderMail({
    language: recipient.language,
    subject: t("contactChange.requestedSubject", words),
    greeting: greeting(t, recipient),
    paragraphs: [
      t(
        change.side === "giving"
          ? "contactChange.requestedGiving"
          : "contactChange.requestedReceiving",
        words,
      ),
      t("contactChange.howTo", { expiresAt }),
    ],
    facts: [...changeFacts(recipient, change), [t("facts.expiresAt"), expiresAt]],
    action: { label: t("contactChange.action"), url: secret.link },
    after: [
      t("contactChange.token", { id: change.contactChangeId, token: secret.token }),
      t("contactChange.ignore"),
    ],
    footer: footer(recipient),
  });
}

/** How a contact change ended, to each side. */
export function contactChangeOutcomeMail(
  recipient: Recipient,
  change: ContactChangeNotice,
  outcome: ContactChangeOutcome,
): RenderedMail {
  const t = mailTranslator(recipient.language);
  const words = wording(recipient, change);
  return renderMail({
    language: recipient.language,
    subject: t(`contactChange.${outcome}Subject`, words),
    greeting: greeting(t, recipient),
    paragraphs: [t(`contactChange.${outcome}`, words)],
    facts: changeFacts(recipient, change),
    footer: footer(recipient),
  });
}

/** A webhook subscription disabled after persistent failures, to its owner. */
export function webhookDisabledMail(
  recipient: Recipient,
  webhook: { url: string; reason: string },
): RenderedMail {
  const t = mailTranslator(recipient.language);
  return renderMail({
    language: recipient.language,
    subject: t("webhookDisabled.subject", { url: webhook.url }),
    greeting: greeting(t, recipient),
    paragraphs: [t("webhookDisabled.intro", { url: webhook.url })],
    facts: [
      [t("facts.url"), webhook.url],
      [t("facts.reason"), webhook.reason],
    ],
    footer: recipient.kind === "staff" ? [t("common.staffFooter")] : footer(recipient),
  });
}
