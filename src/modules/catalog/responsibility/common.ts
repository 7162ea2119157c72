import type { Owner, Translations } from "../../../db/schema.ts";

export interface ResponsibilityRow {
  area: string;
  owner: Owner;
  explanation: Translations;
}

const row =
  (owner: Owner) =>
  (area: string, explanation: Translations): ResponsibilityRow => ({ area, owner, explanation });

/** One area of a matrix, by who owns it. */
export const provider = row("provider");
export const customer = row("customer");
export const shared = row("shared");

// The few areas whose wording holds word for word across products hosted in our datacentres.

export const powerAndCooling = provider("power-and-cooling", {
  en: "Redundant power (UPS and generators), cooling and physical access control in our datacentres are ours to run and to fix.",
  fr: "L'alimentation redondante (onduleurs et groupes électrogènes), le refroidissement et le contrôle d'accès physique de nos datacenters sont à notre charge.",
  ru: "Резервированное электропитание (ИБП и дизель-генераторы), охлаждение и контроль физического доступа в наших дата-центрах — наша забота.",
});

export const ipDdosProtection = provider("ddos-protection", {
  en: "Our anti-DDoS infrastructure detects and filters attacks on your IP addresses at no extra cost; you are told when mitigation starts and ends.",
  fr: "Notre infrastructure anti-DDoS détecte et filtre sans surcoût les attaques visant vos adresses IP ; vous êtes prévenu du début et de la fin de la mitigation.",
  ru: "Наша система защиты от DDoS бесплатно обнаруживает и фильтрует атаки на ваши IP-адреса; мы сообщаем вам о начале и окончании фильтрации.",
});

export const ownApplications = customer("applications", {
  en: "Everything you install and run (web servers, databases, control panels, licences) is yours to configure, update and troubleshoot.",
  fr: "Tout ce que vous installez et exécutez (serveurs web, bases de données, panneaux de contrôle, licences) est à configurer, mettre à jour et dépanner par vos soins.",
  ru: "Всё, что вы устанавливаете и запускаете (веб-серверы, СУБД, панели управления, лицензии), вы настраиваете, обновляете и чините сами.",
});

export const ownData = customer("data", {
  en: "Your files and databases, their integrity and their legal compliance are yours; we never access them without your written consent.",
  fr: "Vos fichiers et bases de données, leur intégrité et leur conformité légale relèvent de vous ; nous n'y accédons jamais sans votre accord écrit.",
  ru: "Ваши файлы и базы данных, их целостность и законность — ваша ответственность; мы не обращаемся к ним без вашего письменного согласия.",
});
