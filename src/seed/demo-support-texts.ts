import type { Language, TicketCategory } from "../db/schema.ts";
import { SERVER_TEMPLATES } from "./demo-support-servers.ts";
import { SERVICE_TEMPLATES } from "./demo-support-services.ts";

/** What demo customers write and demo agents answer, in English, French and Russian. */

export interface TicketText {
  subject: string;
  body: string;
  /** The agent's first public answer. */
  answer: string;
}

export type Family = "server" | "cloud" | "private" | "web" | "mail" | "domain" | "line";

export interface TicketTemplate {
  category: TicketCategory;
  /** Products the template fits; null for questions about no service. */
  family: Family | null;
  /** Out of perimeter: the problem lies in an area the customer owns. */
  customerArea?: true;
  texts: Record<Language, TicketText>;
}

export const FAMILY_OF: Record<string, Family> = {
  "dedicated-server": "server",
  vps: "server",
  instance: "cloud",
  "managed-kubernetes": "cloud",
  "block-storage": "cloud",
  "object-storage": "cloud",
  "hosted-private-cloud": "private",
  "hybrid-cloud": "private",
  "web-hosting": "web",
  saas: "web",
  email: "mail",
  domain: "domain",
  "internet-access": "line",
  voip: "line",
};

export const TEMPLATES: TicketTemplate[] = [...SERVER_TEMPLATES, ...SERVICE_TEMPLATES];

/** A customer's follow-up, an agent's closing answer, and internal notes, per language. */
export const LINES: Record<
  Language,
  { followUp: string; solved: string; notes: string[]; escalation: string; hold: string }
> = {
  en: {
    followUp: "Thank you. It worked for a while, but the problem came back an hour ago.",
    solved:
      "We found the remaining cause and fixed it; we mark the ticket solved. Reply if anything is still wrong.",
    notes: [
      "Monitoring shows no alert on the host; asked the network team to check the uplink.",
      "Customer is a long-standing client; keep them informed at each step.",
      "Same symptom as last month's ticket on this service; see the intervention log.",
    ],
    escalation:
      "Escalation summary: first-level checks done (reboot, hardware tests, network path); the fault remains. Needs an L3 look at the host.",
    hold: "Waiting for tonight's datacenter intervention window before going further.",
  },
  fr: {
    followUp: "Merci. Cela a fonctionné un moment, mais le problème est revenu il y a une heure.",
    solved:
      "Nous avons trouvé la cause restante et l'avons corrigée ; nous passons le ticket en résolu. Répondez si quelque chose ne va toujours pas.",
    notes: [
      "La supervision ne montre aucune alerte sur l'hôte ; demandé à l'équipe réseau de vérifier le lien montant.",
      "Client de longue date : le tenir informé à chaque étape.",
      "Même symptôme que le ticket du mois dernier sur ce service ; voir le journal d'intervention.",
    ],
    escalation:
      "Résumé d'escalade : vérifications de premier niveau faites (redémarrage, tests matériels, chemin réseau) ; le défaut persiste. Il faut un regard L3 sur l'hôte.",
    hold: "En attente de la fenêtre d'intervention du datacenter ce soir avant d'aller plus loin.",
  },
  ru: {
    followUp: "Спасибо. Какое-то время всё работало, но час назад проблема вернулась.",
    solved:
      "Мы нашли оставшуюся причину и устранили её; отмечаем тикет как решённый. Напишите, если что-то всё ещё не так.",
    notes: [
      "Мониторинг не показывает предупреждений по хосту; попросил сетевую команду проверить аплинк.",
      "Давний клиент: сообщать о каждом шаге.",
      "Тот же симптом, что в тикете прошлого месяца по этой услуге; см. журнал вмешательств.",
    ],
    escalation:
      "Итог для эскалации: проверки первого уровня выполнены (перезагрузка, тесты оборудования, сетевой путь); неисправность сохраняется. Нужен взгляд L3 на хост.",
    hold: "Ждём ночного окна работ в дата-центре, прежде чем продолжать.",
  },
};
