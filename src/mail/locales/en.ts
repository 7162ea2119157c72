/** Wording of notification mails; fr and ru follow this shape. */
const en = {
  redacted: {
    text: "This message carried a one-time link. It was removed from Palier's records once the message was delivered.",
  },
  common: {
    greeting: "Hello {{name}},",
    greetingAnonymous: "Hello,",
    replyHint:
      "Reply to this message to write on the ticket; keep the ticket number in the subject.",
    customerFooter:
      "You receive this message because your account is concerned by this ticket. It was sent automatically.",
    staffFooter: "Sent automatically by Palier to the support team.",
    accountFooter:
      "You receive this message as a user of account {{nic}}. It was sent automatically.",
  },
  facts: {
    ticket: "Ticket",
    subject: "Subject",
    service: "Service",
    status: "Status",
    severity: "Severity",
    dueAt: "Due",
    clock: "Deadline",
    role: "Contact role",
    from: "From account",
    to: "To account",
    expiresAt: "Open until",
    url: "URL",
    reason: "Reason",
  },
  status: {
    open: "open",
    "waiting-for-customer": "waiting for your reply",
    "waiting-for-provider": "waiting for our support",
    "on-hold": "on hold",
    solved: "solved",
    closed: "closed",
  },
  severity: { critical: "critical", high: "high", medium: "medium", low: "low" },
  clock: { "first-response": "first response", "next-response": "next response" },
  role: { admin: "administrative", tech: "technical", billing: "billing" },
  ticketCreated: {
    subject: "Received: {{subject}}",
    requester: "We have received your ticket and will answer as soon as possible.",
    contact:
      "A ticket was opened about a service your account is a contact of. We will keep you informed.",
  },
  ticketAnswered: {
    subject: "New answer: {{subject}}",
    intro: "Our support team answered your ticket:",
  },
  ticketSolved: {
    subject: "Solved: {{subject}}",
    intro:
      "We consider your ticket solved. If the problem remains, reply to this message: the ticket reopens. Without a reply it closes by itself after 7 days.",
  },
  ticketClosed: {
    subject: "Closed: {{subject}}",
    intro: "Your ticket is closed. Thank you for contacting us.",
    automatic: "Your ticket was closed automatically, 7 days after it was solved without a reply.",
  },
  ticketReminder: {
    subject: "Waiting for your reply: {{subject}}",
    intro:
      "We have been waiting for your reply on this ticket since {{since}}. Reply to this message so we can continue.",
  },
  slaWarning: {
    subject: "SLA warning: {{subject}}",
    intro: "The {{clock}} deadline of this ticket is near: it is due {{dueAt}}.",
  },
  slaBreached: {
    subject: "SLA breached: {{subject}}",
    intro: "The {{clock}} deadline of this ticket passed: it was due {{dueAt}}.",
  },
  contactChange: {
    requestedSubject: "Contact change for {{service}}: your decision is needed",
    requestedGiving:
      "It is proposed that your account {{from}} hand the {{role}} contact role of service {{service}} over to account {{to}}.",
    requestedReceiving:
      "It is proposed that your account {{to}} take over the {{role}} contact role of service {{service}} from account {{from}}.",
    howTo: "Open this link to accept or refuse before {{expiresAt}}:",
    action: "Accept or refuse",
    token:
      "Or, signed in, send this one-time token to POST /api/v1/contact-changes/{{id}}/accept (or /refuse): {{token}}",
    ignore: "If you did not expect this request, refuse it or let it expire.",
    doneSubject: "Contact change for {{service}}: done",
    done: "The {{role}} contact role of service {{service}} has passed from account {{from}} to account {{to}}.",
    refusedSubject: "Contact change for {{service}}: refused",
    refused:
      "The change of the {{role}} contact role of service {{service}} from account {{from}} to account {{to}} was refused; nothing changes.",
    expiredSubject: "Contact change for {{service}}: expired",
    expired:
      "The change of the {{role}} contact role of service {{service}} from account {{from}} to account {{to}} expired before both sides decided; nothing changes.",
    abortedSubject: "Contact change for {{service}}: cancelled",
    aborted:
      "The change of the {{role}} contact role of service {{service}} from account {{from}} to account {{to}} was cancelled; nothing changes.",
  },
  webhookDisabled: {
    subject: "Webhook disabled: {{url}}",
    intro:
      "We disabled the webhook subscription to {{url}}: its deliveries kept failing for 24 hours. Fix the receiver, then enable the subscription again through the API.",
  },
};

export type MailCatalogue = typeof en;
export default en;
