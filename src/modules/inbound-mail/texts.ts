import type { Language } from "../../db/schema.ts";

/**
 * The wording of inbound mail's automatic answers and ticket lines, in every language. Kept
 * with the module (a typed table: a language missing a text does not compile) because nothing
 * else uses it.
 */

/** Why a message from a person opened nothing; each has its own explanation to the sender. */
export type RefusalReason =
  | "unknown-sender"
  | "staff-sender"
  | "not-allowed"
  | "ticket-closed"
  | "no-service"
  | "ambiguous-service";

export interface AnswerParams {
  supportAddress: string;
  /** Where to sign in and open or reopen a ticket. */
  url: string;
  /** The ticket concerned, as PAL-100123, when there is one. */
  ticket?: string;
  /** The sender's services to choose from, for an ambiguous one. */
  services?: string[];
}

interface Texts {
  greeting: string;
  subjectPrefix: string;
  noSubject: string;
  reasons: Record<RefusalReason, (p: AnswerParams) => string>;
  footer: string;
  /** The customer message of an e-mail with no text, only attachments. */
  noText: string;
  /** The system line on a ticket listing the attachments not kept. */
  skippedAttachments: (list: string) => string;
  skip: {
    type: (contentType: string) => string;
    tooLarge: (mb: number) => string;
    total: (mb: number) => string;
    empty: string;
    count: (max: number) => string;
  };
  truncated: string;
}

const en: Texts = {
  greeting: "Hello,",
  subjectPrefix: "Re:",
  noSubject: "(no subject)",
  reasons: {
    "unknown-sender": (p) =>
      `Thank you for writing to ${p.supportAddress}. We could not match your address to a customer account, so your message did not open a ticket. If you are a customer, please write from the address registered on your account, or sign in at ${p.url} and open a ticket there.`,
    "staff-sender": (p) =>
      `Your message reached ${p.supportAddress} from a staff address. Staff answer tickets in the console (${p.url}); nothing was recorded from this e-mail.`,
    "not-allowed": (p) =>
      `Your message could not be added to a ticket: your address is not one allowed to write on it. Please sign in at ${p.url}, or write to ${p.supportAddress} without replying to an earlier message to open a new ticket.`,
    "ticket-closed": (p) =>
      `Ticket ${p.ticket ?? ""} is closed, so your message was not added to it. Sign in at ${p.url} to reopen it (within 30 days of closing), or write to ${p.supportAddress} without replying to an earlier message to open a new ticket.`,
    "no-service": (p) =>
      `Your account holds no service we could open a ticket about, so your message did not open one. Please sign in at ${p.url} and open a ticket there.`,
    "ambiguous-service": (p) =>
      `Your account holds several services and your message did not say which one it is about, so it did not open a ticket. Please write again naming the service in the subject (${(p.services ?? []).join(", ")}), or sign in at ${p.url}.`,
  },
  footer: "This is an automatic answer; you will receive at most one a day.",
  noText: "(This e-mail had no text, only attachments.)",
  skippedAttachments: (list) => `Attachments of the e-mail not kept: ${list}.`,
  skip: {
    type: (type) => `file type ${type} not accepted`,
    tooLarge: (mb) => `over ${mb} MB`,
    total: (mb) => `over ${mb} MB for the whole message`,
    empty: "empty",
    count: (max) => `more than ${max} attachments`,
  },
  truncated: "[The rest of this e-mail was too long and is kept only in the original message.]",
};

const fr: Texts = {
  greeting: "Bonjour,",
  subjectPrefix: "Re :",
  noSubject: "(sans objet)",
  reasons: {
    "unknown-sender": (p) =>
      `Merci d'avoir écrit à ${p.supportAddress}. Votre adresse ne correspond à aucun compte client : votre message n'a donc pas ouvert de ticket. Si vous êtes client, écrivez depuis l'adresse enregistrée sur votre compte, ou connectez-vous sur ${p.url} pour ouvrir un ticket.`,
    "staff-sender": (p) =>
      `Votre message est arrivé à ${p.supportAddress} depuis une adresse du personnel. Le personnel répond aux tickets dans la console (${p.url}) ; rien n'a été enregistré à partir de ce courriel.`,
    "not-allowed": (p) =>
      `Votre message n'a pas pu être ajouté à un ticket : votre adresse n'est pas autorisée à y écrire. Connectez-vous sur ${p.url}, ou écrivez à ${p.supportAddress} sans répondre à un message précédent pour ouvrir un nouveau ticket.`,
    "ticket-closed": (p) =>
      `Le ticket ${p.ticket ?? ""} est fermé : votre message n'y a pas été ajouté. Connectez-vous sur ${p.url} pour le rouvrir (dans les 30 jours suivant sa fermeture), ou écrivez à ${p.supportAddress} sans répondre à un message précédent pour ouvrir un nouveau ticket.`,
    "no-service": (p) =>
      `Votre compte ne détient aucun service sur lequel ouvrir un ticket : votre message n'en a donc pas ouvert. Connectez-vous sur ${p.url} pour ouvrir un ticket.`,
    "ambiguous-service": (p) =>
      `Votre compte détient plusieurs services et votre message ne précisait pas lequel est concerné : il n'a donc pas ouvert de ticket. Écrivez de nouveau en nommant le service dans l'objet (${(p.services ?? []).join(", ")}), ou connectez-vous sur ${p.url}.`,
  },
  footer: "Ceci est une réponse automatique ; vous en recevrez au plus une par jour.",
  noText: "(Ce courriel ne contenait pas de texte, seulement des pièces jointes.)",
  skippedAttachments: (list) => `Pièces jointes du courriel non conservées : ${list}.`,
  skip: {
    type: (type) => `type de fichier ${type} non accepté`,
    tooLarge: (mb) => `plus de ${mb} Mo`,
    total: (mb) => `plus de ${mb} Mo pour l'ensemble du message`,
    empty: "vide",
    count: (max) => `plus de ${max} pièces jointes`,
  },
  truncated:
    "[La suite de ce courriel était trop longue ; elle n'est conservée que dans le message d'origine.]",
};

const ru: Texts = {
  greeting: "Здравствуйте!",
  subjectPrefix: "Re:",
  noSubject: "(без темы)",
  reasons: {
    "unknown-sender": (p) =>
      `Спасибо за письмо на ${p.supportAddress}. Ваш адрес не связан ни с одной учётной записью клиента, поэтому обращение не создано. Если вы наш клиент, напишите с адреса, указанного в учётной записи, или войдите на ${p.url} и создайте обращение там.`,
    "staff-sender": (p) =>
      `Ваше письмо пришло на ${p.supportAddress} с адреса сотрудника. Сотрудники отвечают на обращения в консоли (${p.url}); из этого письма ничего не сохранено.`,
    "not-allowed": (p) =>
      `Ваше письмо не добавлено в обращение: с вашего адреса писать в него нельзя. Войдите на ${p.url} или напишите на ${p.supportAddress}, не отвечая на прежнее письмо, чтобы создать новое обращение.`,
    "ticket-closed": (p) =>
      `Обращение ${p.ticket ?? ""} закрыто, поэтому ваше письмо в него не добавлено. Войдите на ${p.url}, чтобы открыть его снова (в течение 30 дней после закрытия), или напишите на ${p.supportAddress}, не отвечая на прежнее письмо, чтобы создать новое обращение.`,
    "no-service": (p) =>
      `У вашей учётной записи нет услуги, по которой можно создать обращение, поэтому оно не создано. Войдите на ${p.url} и создайте обращение там.`,
    "ambiguous-service": (p) =>
      `У вашей учётной записи несколько услуг, а в письме не сказано, о какой речь, поэтому обращение не создано. Напишите ещё раз, указав услугу в теме (${(p.services ?? []).join(", ")}), или войдите на ${p.url}.`,
  },
  footer: "Это автоматический ответ; вы получите не больше одного такого письма в день.",
  noText: "(В письме не было текста, только вложения.)",
  skippedAttachments: (list) => `Вложения письма, которые не сохранены: ${list}.`,
  skip: {
    type: (type) => `тип файла ${type} не принимается`,
    tooLarge: (mb) => `больше ${mb} МБ`,
    total: (mb) => `больше ${mb} МБ на всё письмо`,
    empty: "пустой файл",
    count: (max) => `больше ${max} вложений`,
  },
  truncated: "[Остаток письма слишком длинный и сохранён только в исходном сообщении.]",
};

const TEXTS: Readonly<Record<Language, Texts>> = { en, fr, ru };

export function textsIn(language: Language): Texts {
  return TEXTS[language];
}
