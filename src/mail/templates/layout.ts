import type { Language } from "../../db/schema.ts";
import { escapeHtml } from "../html.ts";

/** What a notification says, before it becomes plain text and HTML. All fields are plain text. */
export interface MailContent {
  language: Language;
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Someone's words quoted as they wrote them (an agent's answer). */
  quote?: string | undefined;
  facts: [label: string, value: string][];
  action?: { label: string; url: string } | undefined;
  /** Paragraphs after the action. */
  after?: string[];
  footer: string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Renders a notification as plain text and as HTML; every field is escaped in the HTML. */
export function renderMail(content: MailContent): RenderedMail {
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}

// French sets a (non-breaking) space before a colon.
const COLON: Record<Language, string> = { en: ": ", fr: "\u00a0: ", ru: ": " };

function renderText(content: MailContent): string {
  const blocks: string[] = [content.greeting, ...content.paragraphs];
  if (content.quote !== undefined) {
    blocks.push(
      content.quote
        .split(/\r?\n/)
        .map((line) => (line === "" ? ">" : `> ${line}`))
        .join("\n"),
    );
  }
  if (content.facts.length > 0) {
    blocks.push(
      content.facts
        .map(([label, value]) => `${label}${COLON[content.language]}${value}`)
        .join("\n"),
    );
  }
  if (content.action) {
    blocks.push(`${content.action.label}${COLON[content.language]}${content.action.url}`);
  }
  blocks.push(...(content.after ?? []));
  // "-- " is the signature separator mail clients recognise and fold away.
  blocks.push(`-- \n${content.footer.join("\n")}`);
  return `${blocks.join("\n\n")}\n`;
}

const paragraph = (text: string) => `<p style="margin:0 0 16px">${multiline(text)}</p>`;

function multiline(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, "<br>\n");
}

function renderHtml(content: MailContent): string {
  const parts: string[] = [paragraph(content.greeting), ...content.paragraphs.map(paragraph)];
  if (content.quote !== undefined) {
    parts.push(
      `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #c5cbd3;color:#333">${multiline(content.quote)}</blockquote>`,
    );
  }
  if (content.facts.length > 0) {
    const rows = content.facts
      .map(
        ([label, value]) =>
          `<tr><th align="left" style="padding:2px 16px 2px 0;color:#555;font-weight:normal">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
      )
      .join("\n");
    parts.push(`<table style="margin:0 0 16px;border-collapse:collapse">\n${rows}\n</table>`);
  }
  if (content.action) {
    const url = escapeHtml(content.action.url);
    parts.push(
      `<p style="margin:0 0 16px"><a href="${url}" style="color:#0b57d0">${escapeHtml(content.action.label)}</a><br>\n<span style="color:#555;font-size:12px">${url}</span></p>`,
    );
  }
  parts.push(...(content.after ?? []).map(paragraph));
  parts.push(
    `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 8px">\n<p style="margin:0;color:#777;font-size:12px">${content.footer.map(multiline).join("<br>\n")}</p>`,
  );
  return [
    "<!DOCTYPE html>",
    `<html lang="${content.language}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222">',
    ...parts,
    "</body></html>",
    "",
  ].join("\n");
}
