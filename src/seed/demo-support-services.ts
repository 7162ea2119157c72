import type { TicketTemplate, TicketText } from "./demo-support-texts.ts";

const t = (en: TicketText, fr: TicketText, ru: TicketText) => ({ en, fr, ru });

/** Hosting, email, domains and lines; what is the customer's own; billing, sales, account. */
export const SERVICE_TEMPLATES: TicketTemplate[] = [
  {
    category: "incident",
    family: "web",
    texts: t(
      {
        subject: "Website returns 500 errors",
        body: "All pages of our site return HTTP 500 since 10:15, including a static test page.",
        answer:
          "A web server of the cluster lost its shared storage mount; we took it out of the pool and remounted it. Your site answers normally.",
      },
      {
        subject: "Le site renvoie des erreurs 500",
        body: "Toutes les pages de notre site renvoient une erreur HTTP 500 depuis 10 h 15, y compris une page statique de test.",
        answer:
          "Un serveur web du cluster avait perdu son montage de stockage partagé ; nous l'avons sorti du pool et remonté. Votre site répond normalement.",
      },
      {
        subject: "Сайт отдаёт ошибки 500",
        body: "С 10:15 все страницы сайта, даже статическая тестовая, отдают HTTP 500.",
        answer:
          "Один веб-сервер кластера потерял подключение к общему хранилищу; мы вывели его из пула и переподключили. Сайт работает нормально.",
      },
    ),
  },
  {
    category: "assistance",
    family: "web",
    texts: t(
      {
        subject: "Switch the site to PHP 8.3",
        body: "Our CMS now requires PHP 8.3. Where do we change the version, and is there downtime?",
        answer:
          "In the Manager, under Hosting > Runtime, pick PHP 8.3; it applies within a minute without downtime.",
      },
      {
        subject: "Passer le site en PHP 8.3",
        body: "Notre CMS exige maintenant PHP 8.3. Où changer la version, et y a-t-il une coupure ?",
        answer:
          "Dans le Manager, rubrique Hébergement > Environnement, choisissez PHP 8.3 ; le changement s'applique en une minute, sans coupure.",
      },
      {
        subject: "Перевести сайт на PHP 8.3",
        body: "Наша CMS теперь требует PHP 8.3. Где сменить версию и будет ли простой?",
        answer:
          "В Manager, раздел Хостинг > Среда выполнения, выберите PHP 8.3; изменение применится за минуту без простоя.",
      },
    ),
  },
  {
    category: "incident",
    family: "mail",
    texts: t(
      {
        subject: "Emails rejected by a large mailbox provider",
        body: "Since yesterday our messages to a large webmail provider bounce with “550 rate limited”.",
        answer:
          "One outgoing relay had been throttled by that provider; we removed it from rotation and the queue was delivered.",
      },
      {
        subject: "E-mails refusés par un grand fournisseur",
        body: "Depuis hier nos messages vers un grand webmail reviennent avec « 550 rate limited ».",
        answer:
          "Un relais sortant avait été limité par ce fournisseur ; nous l'avons retiré de la rotation et la file d'attente a été distribuée.",
      },
      {
        subject: "Письма отклоняет крупный почтовый сервис",
        body: "Со вчерашнего дня письма на крупный веб-почтовый сервис возвращаются с ошибкой «550 rate limited».",
        answer:
          "Один исходящий релей был ограничен этим сервисом; мы вывели его из ротации, очередь доставлена.",
      },
    ),
  },
  {
    category: "incident",
    family: "domain",
    texts: t(
      {
        subject: "DNS servers do not answer for our domain",
        body: "Our domain stopped resolving an hour ago; dig against your name servers times out.",
        answer:
          "One anycast node of our DNS platform stopped answering in your area; it was withdrawn and resolution works again.",
      },
      {
        subject: "Les serveurs DNS ne répondent plus pour notre domaine",
        body: "Notre domaine ne se résout plus depuis une heure ; dig sur vos serveurs de noms n'obtient aucune réponse.",
        answer:
          "Un nœud anycast de notre plateforme DNS ne répondait plus dans votre zone ; il a été retiré et la résolution fonctionne de nouveau.",
      },
      {
        subject: "DNS-серверы не отвечают для нашего домена",
        body: "Домен перестал резолвиться час назад; dig к вашим DNS-серверам уходит в таймаут.",
        answer:
          "Один anycast-узел нашей DNS-платформы перестал отвечать в вашем регионе; его вывели, разрешение имён снова работает.",
      },
    ),
  },
  {
    category: "incident",
    family: "line",
    texts: t(
      {
        subject: "Connection drops every evening",
        body: "Our line drops for a few minutes every evening around 20:00. The router logs show the link going down.",
        answer:
          "The port on our access equipment was flapping; we moved your line to another port and the link has been stable since.",
      },
      {
        subject: "La connexion coupe tous les soirs",
        body: "Notre ligne coupe quelques minutes chaque soir vers 20 h. Le journal du routeur montre la perte du lien.",
        answer:
          "Le port de notre équipement d'accès était instable ; nous avons déplacé votre ligne sur un autre port, le lien est stable depuis.",
      },
      {
        subject: "Соединение пропадает каждый вечер",
        body: "Каждый вечер около 20:00 линия пропадает на несколько минут, в журнале маршрутизатора видно падение канала.",
        answer:
          "Порт нашего оборудования доступа был нестабилен; мы перевели линию на другой порт, с тех пор канал стабилен.",
      },
    ),
  },
  {
    category: "incident",
    family: null,
    customerArea: true,
    texts: t(
      {
        subject: "Application no longer starts after our update",
        body: "We updated our application and its libraries last night; since then it does not start. Can you repair it?",
        answer: "",
      },
      {
        subject: "L'application ne démarre plus après notre mise à jour",
        body: "Nous avons mis à jour notre application et ses bibliothèques hier soir ; depuis, elle ne démarre plus. Pouvez-vous la réparer ?",
        answer: "",
      },
      {
        subject: "Приложение не запускается после нашего обновления",
        body: "Вчера вечером мы обновили приложение и его библиотеки, и теперь оно не запускается. Можете починить?",
        answer: "",
      },
    ),
  },
  {
    category: "billing",
    family: null,
    texts: t(
      {
        subject: "Invoice charged twice this month",
        body: "Our card was charged twice for this month's invoice. Please refund the duplicate.",
        answer:
          "The second charge was a duplicate authorisation; it has been refunded and will show on your statement within five days.",
      },
      {
        subject: "Facture prélevée deux fois ce mois-ci",
        body: "Notre carte a été débitée deux fois pour la facture du mois. Merci de rembourser le doublon.",
        answer:
          "Le second débit était une autorisation en double ; il a été remboursé et apparaîtra sur votre relevé sous cinq jours.",
      },
      {
        subject: "Счёт оплачен дважды в этом месяце",
        body: "С карты дважды списали оплату за счёт этого месяца. Верните, пожалуйста, лишнее списание.",
        answer:
          "Второе списание было повторной авторизацией; деньги возвращены и появятся в выписке в течение пяти дней.",
      },
    ),
  },
  {
    category: "billing",
    family: null,
    texts: t(
      {
        subject: "Add our VAT number to invoices",
        body: "Our invoices do not show our VAT number. Can you add it and reissue last month's invoice?",
        answer:
          "The VAT number is on your account now and last month's invoice was reissued; you will find it in the Manager.",
      },
      {
        subject: "Ajouter notre numéro de TVA aux factures",
        body: "Nos factures n'indiquent pas notre numéro de TVA. Pouvez-vous l'ajouter et rééditer la facture du mois dernier ?",
        answer:
          "Le numéro de TVA figure désormais sur votre compte et la facture du mois dernier a été rééditée ; elle est dans le Manager.",
      },
      {
        subject: "Добавить ИНН в счета",
        body: "В наших счетах не указан налоговый номер. Добавьте его, пожалуйста, и переоформите счёт за прошлый месяц.",
        answer:
          "Налоговый номер добавлен в аккаунт, счёт за прошлый месяц переоформлен; он доступен в Manager.",
      },
    ),
  },
  {
    category: "commercial",
    family: null,
    texts: t(
      {
        subject: "Quote for ten more servers",
        body: "We plan to add ten servers of the same range next quarter. Can we get a quote with a yearly commitment?",
        answer:
          "Our sales team sent you a quote with a 12 % discount for a yearly commitment; it is valid for 30 days.",
      },
      {
        subject: "Devis pour dix serveurs de plus",
        body: "Nous prévoyons dix serveurs supplémentaires de la même gamme au prochain trimestre. Pouvons-nous avoir un devis avec engagement annuel ?",
        answer:
          "Notre équipe commerciale vous a envoyé un devis avec 12 % de remise pour un engagement annuel ; il est valable 30 jours.",
      },
      {
        subject: "Коммерческое предложение на десять серверов",
        body: "В следующем квартале мы планируем ещё десять серверов той же линейки. Можно предложение с годовым обязательством?",
        answer:
          "Отдел продаж отправил вам предложение со скидкой 12 % при годовом обязательстве; оно действует 30 дней.",
      },
    ),
  },
  {
    category: "account",
    family: null,
    texts: t(
      {
        subject: "Add a colleague to our account",
        body: "A new administrator joined us. How do we give her access to our account?",
        answer:
          "Any user of the account can invite her from Account > Users; she will receive an email to choose her password.",
      },
      {
        subject: "Ajouter une collègue à notre compte",
        body: "Une nouvelle administratrice nous a rejoints. Comment lui donner accès à notre compte ?",
        answer:
          "Tout utilisateur du compte peut l'inviter depuis Compte > Utilisateurs ; elle recevra un e-mail pour choisir son mot de passe.",
      },
      {
        subject: "Добавить коллегу в аккаунт",
        body: "К нам присоединилась новая администратор. Как дать ей доступ к аккаунту?",
        answer:
          "Любой пользователь аккаунта может пригласить её в разделе Аккаунт > Пользователи; ей придёт письмо для выбора пароля.",
      },
    ),
  },
];
