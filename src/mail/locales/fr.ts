import type { MailCatalogue } from "./en.ts";

const fr: MailCatalogue = {
  redacted: {
    text: "Ce message contenait un lien à usage unique. Il a été retiré des archives de Palier une fois le message remis.",
  },
  common: {
    greeting: "Bonjour {{name}},",
    greetingAnonymous: "Bonjour,",
    replyHint:
      "Répondez à ce message pour écrire sur le ticket ; gardez le numéro du ticket dans l'objet.",
    customerFooter:
      "Vous recevez ce message car votre compte est concerné par ce ticket. Il a été envoyé automatiquement.",
    staffFooter: "Envoyé automatiquement par Palier à l'équipe de support.",
    accountFooter:
      "Vous recevez ce message en tant qu'utilisateur du compte {{nic}}. Il a été envoyé automatiquement.",
  },
  facts: {
    ticket: "Ticket",
    subject: "Objet",
    service: "Service",
    status: "Statut",
    severity: "Gravité",
    dueAt: "Échéance",
    clock: "Délai",
    role: "Rôle de contact",
    from: "Compte cédant",
    to: "Compte repreneur",
    expiresAt: "Ouvert jusqu'au",
    url: "URL",
    reason: "Motif",
  },
  status: {
    open: "ouvert",
    "waiting-for-customer": "en attente de votre réponse",
    "waiting-for-provider": "en attente de notre support",
    "on-hold": "en pause",
    solved: "résolu",
    closed: "fermé",
  },
  severity: { critical: "critique", high: "haute", medium: "moyenne", low: "basse" },
  clock: { "first-response": "de première réponse", "next-response": "de réponse suivante" },
  role: { admin: "administratif", tech: "technique", billing: "facturation" },
  ticketCreated: {
    subject: "Reçu : {{subject}}",
    requester: "Nous avons bien reçu votre ticket et vous répondrons dès que possible.",
    contact:
      "Un ticket a été ouvert sur un service dont votre compte est contact. Nous vous tiendrons informé.",
  },
  ticketAnswered: {
    subject: "Nouvelle réponse : {{subject}}",
    intro: "Notre équipe de support a répondu à votre ticket :",
  },
  ticketSolved: {
    subject: "Résolu : {{subject}}",
    intro:
      "Nous considérons votre ticket comme résolu. Si le problème persiste, répondez à ce message : le ticket sera rouvert. Sans réponse, il se fermera de lui-même au bout de 7 jours.",
  },
  ticketClosed: {
    subject: "Fermé : {{subject}}",
    intro: "Votre ticket est fermé. Merci de nous avoir contactés.",
    automatic:
      "Votre ticket a été fermé automatiquement, 7 jours après sa résolution sans réponse de votre part.",
  },
  ticketReminder: {
    subject: "En attente de votre réponse : {{subject}}",
    intro:
      "Nous attendons votre réponse sur ce ticket depuis le {{since}}. Répondez à ce message pour que nous puissions continuer.",
  },
  slaWarning: {
    subject: "Alerte SLA : {{subject}}",
    intro: "Le délai {{clock}} de ce ticket approche : échéance le {{dueAt}}.",
  },
  slaBreached: {
    subject: "SLA dépassé : {{subject}}",
    intro: "Le délai {{clock}} de ce ticket est dépassé : l'échéance était le {{dueAt}}.",
  },
  contactChange: {
    requestedSubject: "Changement de contact pour {{service}} : votre décision est attendue",
    requestedGiving:
      "Il est proposé que votre compte {{from}} cède le rôle de contact {{role}} du service {{service}} au compte {{to}}.",
    requestedReceiving:
      "Il est proposé que votre compte {{to}} reprenne le rôle de contact {{role}} du service {{service}} du compte {{from}}.",
    howTo: "Ouvrez ce lien pour accepter ou refuser avant le {{expiresAt}} :",
    action: "Accepter ou refuser",
    token:
      "Ou, une fois connecté, envoyez ce jeton à usage unique à POST /api/v1/contact-changes/{{id}}/accept (ou /refuse) : {{token}}",
    ignore: "Si vous n'attendiez pas cette demande, refusez-la ou laissez-la expirer.",
    doneSubject: "Changement de contact pour {{service}} : effectué",
    done: "Le rôle de contact {{role}} du service {{service}} est passé du compte {{from}} au compte {{to}}.",
    refusedSubject: "Changement de contact pour {{service}} : refusé",
    refused:
      "Le changement du rôle de contact {{role}} du service {{service}} du compte {{from}} au compte {{to}} a été refusé ; rien ne change.",
    expiredSubject: "Changement de contact pour {{service}} : expiré",
    expired:
      "Le changement du rôle de contact {{role}} du service {{service}} du compte {{from}} au compte {{to}} a expiré avant la décision des deux parties ; rien ne change.",
    abortedSubject: "Changement de contact pour {{service}} : annulé",
    aborted:
      "Le changement du rôle de contact {{role}} du service {{service}} du compte {{from}} au compte {{to}} a été annulé ; rien ne change.",
  },
  webhookDisabled: {
    subject: "Webhook désactivé : {{url}}",
    intro:
      "Nous avons désactivé l'abonnement webhook vers {{url}} : ses envois échouaient depuis 24 heures. Réparez le récepteur, puis réactivez l'abonnement par l'API.",
  },
};

export default fr;
