/**
 * English strings of the customer and partner additions (answer ratings, attachments, partner
 * services, Fast-Path, saved preferences), spread into en.ts.
 */
export const customerEn = {
  "rating.open": "Rate this answer",
  "rating.legend": "Did this answer help you?",
  "rating.solved": "It solved my problem",
  "rating.not-answered": "It did not answer my question",
  "rating.comment": "Comment (optional)",
  "rating.commentHint": "What was missing? Support reads your comment.",
  "rating.notAnsweredHint": "The ticket will be reopened and handed to another agent.",
  "rating.submit": "Send my rating",
  "rating.sending": "Sending…",
  "rating.cancel": "Cancel",
  "rating.pick": "Choose one of the two answers.",
  "rating.done.solved": "You rated this answer: it solved your problem.",
  "rating.done.not-answered": "You rated this answer: it did not answer your question.",
  "rating.yourComment": "Your comment:",
  "rating.reopened": "Thank you. The ticket is reopened and goes to another agent.",
  "rating.thanks": "Thank you for your rating.",
  "files.label": "Attachments",
  "files.hint":
    "Up to 10 MB per file and 25 MB per message: text, CSV, PDF, PNG, JPEG, GIF, ZIP, JSON, email, tar or gzip files.",
  "files.uploading": "Uploading {name}…",
  "files.tooBig": "{name} is larger than 10 MB.",
  "files.tooMuch": "Together the files would exceed 25 MB.",
  "files.refused": "File {name}: {reason}",
  "files.remove": "Remove {name}",
  "files.list": "Files to send",
  "partner.clients": "Services I manage for clients",
  "partner.clientsEmpty": "You manage no service for another account.",
  "partner.client": "Client account {nic}",
  "partner.more": "Show more services",
  "fastPath.title": "Fast-Path",
  "fastPath.usage": "{used} of {quota} Fast-Path tickets used in {year}",
  "fastPath.remaining": "{remaining} left this year.",
  "fastPath.option": "Use Fast-Path",
  "fastPath.optionHint":
    "Straight to an expert, first answer within 30 minutes, day and night. Uses one of this year's Fast-Path tickets ({remaining} left).",
  "fastPath.granted": "Fast-Path: first answer within 30 minutes, any time of day.",
  "fastPath.refused": "Fast-Path cannot be used for this ticket: {reason}",
  "fastPath.reason.fast_path_not_subscribed": "your account has no active Fast-Path subscription.",
  "fastPath.reason.fast_path_not_tech_contact":
    "your account is not the technical contact of this service.",
  "fastPath.reason.fast_path_quota_exhausted": "this year's Fast-Path tickets are all used.",
  "prefs.saveFailed": "Your preferences could not be saved on the server; they apply here only.",
} as const;

export type CustomerKey = keyof typeof customerEn;
