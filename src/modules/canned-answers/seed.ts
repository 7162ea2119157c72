import type { Database } from "../../db/database.ts";
import { insertShippedAnswers } from "./repository.ts";

type Lang = "en" | "fr" | "ru";
interface Shipped {
  key: string;
  universe: string | null;
  text: Record<Lang, { title: string; body: string }>;
}

// A handful of answers agents write every day; staff admins edit or add to them.
const SHIPPED: Shipped[] = [
  {
    key: "acknowledge",
    universe: null,
    text: {
      en: {
        title: "Acknowledge and investigate",
        body: "Hello,\n\nThank you for your message. We are looking into it now and will come back to you as soon as we know more.\n\nBest regards,",
      },
      fr: {
        title: "Accuser réception et enquêter",
        body: "Bonjour,\n\nMerci pour votre message. Nous l'étudions dès maintenant et reviendrons vers vous dès que nous en saurons plus.\n\nCordialement,",
      },
      ru: {
        title: "Подтвердить и начать проверку",
        body: "Здравствуйте!\n\nСпасибо за обращение. Мы уже занимаемся им и вернёмся к вам, как только узнаем больше.\n\nС уважением,",
      },
    },
  },
  {
    key: "more-information",
    universe: null,
    text: {
      en: {
        title: "Ask for more information",
        body: "Hello,\n\nTo go further we need a little more information: the exact time the problem started, the error message you see, and the steps that reproduce it.\n\nBest regards,",
      },
      fr: {
        title: "Demander des précisions",
        body: "Bonjour,\n\nPour aller plus loin, il nous faut quelques précisions : l'heure exacte du début du problème, le message d'erreur affiché et les étapes qui le reproduisent.\n\nCordialement,",
      },
      ru: {
        title: "Запросить подробности",
        body: "Здравствуйте!\n\nЧтобы продолжить, нам нужны подробности: точное время начала проблемы, текст ошибки и шаги, которые её воспроизводят.\n\nС уважением,",
      },
    },
  },
  {
    key: "resolved-confirm",
    universe: null,
    text: {
      en: {
        title: "Fixed: please confirm",
        body: "Hello,\n\nThe problem is fixed on our side. Could you confirm that everything works for you again? Without news from you, the ticket will be closed in a few days.\n\nBest regards,",
      },
      fr: {
        title: "Corrigé : merci de confirmer",
        body: "Bonjour,\n\nLe problème est corrigé de notre côté. Pouvez-vous confirmer que tout fonctionne de nouveau ? Sans nouvelles de votre part, le ticket sera fermé dans quelques jours.\n\nCordialement,",
      },
      ru: {
        title: "Исправлено: просим подтвердить",
        body: "Здравствуйте!\n\nПроблема устранена с нашей стороны. Подтвердите, пожалуйста, что всё снова работает. Если мы не получим ответа, обращение будет закрыто через несколько дней.\n\nС уважением,",
      },
    },
  },
  {
    key: "server-rescue-mode",
    universe: "server",
    text: {
      en: {
        title: "Server: reboot in rescue mode",
        body: "Hello,\n\nYour server does not answer on the network. Please reboot it in rescue mode from the control panel; the credentials arrive by email. From there you can check the disks and the network configuration, and we can look together at what you find.\n\nBest regards,",
      },
      fr: {
        title: "Serveur : redémarrer en mode rescue",
        body: "Bonjour,\n\nVotre serveur ne répond plus sur le réseau. Redémarrez-le en mode rescue depuis l'espace client ; les identifiants arrivent par e-mail. Vous pourrez y vérifier les disques et la configuration réseau, et nous regarderons ensemble ce que vous trouvez.\n\nCordialement,",
      },
      ru: {
        title: "Сервер: перезагрузка в режим rescue",
        body: "Здравствуйте!\n\nВаш сервер не отвечает в сети. Перезагрузите его в режим rescue из панели управления — данные для входа придут по почте. Там можно проверить диски и сетевые настройки, а затем мы вместе разберём результаты.\n\nС уважением,",
      },
    },
  },
  {
    key: "incident-in-progress",
    universe: null,
    text: {
      en: {
        title: "Known incident in progress",
        body: "Hello,\n\nThis is caused by an incident our teams are already working on. Follow its progress on the status page; we will write here as soon as it is resolved.\n\nBest regards,",
      },
      fr: {
        title: "Incident connu en cours",
        body: "Bonjour,\n\nCela vient d'un incident sur lequel nos équipes travaillent déjà. Suivez son avancement sur la page d'état ; nous vous écrirons ici dès sa résolution.\n\nCordialement,",
      },
      ru: {
        title: "Известный инцидент",
        body: "Здравствуйте!\n\nПричина — инцидент, которым наши специалисты уже занимаются. Следите за ходом работ на странице статуса; мы напишем здесь, как только он будет устранён.\n\nС уважением,",
      },
    },
  },
];

/** Inserts the shipped canned answers that are missing; edits and deletions are kept. */
export async function seedCannedAnswers(db: Database): Promise<void> {
  const rows = SHIPPED.flatMap((answer) =>
    (Object.entries(answer.text) as [Lang, { title: string; body: string }][]).map(
      ([language, text]) => ({
        language,
        universe: answer.universe,
        title: text.title,
        body: text.body,
        seed_key: `${answer.key}.${language}`,
        deleted_at: null,
      }),
    ),
  );
  await insertShippedAnswers(db, rows);
}
