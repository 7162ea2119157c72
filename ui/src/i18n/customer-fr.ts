import type { CustomerKey } from "./customer-en.ts";

/** Chaînes françaises des ajouts clients et partenaires. */
export const customerFr: Record<CustomerKey, string> = {
  "rating.open": "Évaluer cette réponse",
  "rating.legend": "Cette réponse vous a-t-elle aidé ?",
  "rating.solved": "Elle a résolu mon problème",
  "rating.not-answered": "Elle n'a pas répondu à ma question",
  "rating.comment": "Commentaire (facultatif)",
  "rating.commentHint": "Que manquait-il ? Le support lit votre commentaire.",
  "rating.notAnsweredHint": "Le ticket sera rouvert et confié à un autre agent.",
  "rating.submit": "Envoyer mon évaluation",
  "rating.sending": "Envoi…",
  "rating.cancel": "Annuler",
  "rating.pick": "Choisissez l'une des deux réponses.",
  "rating.done.solved": "Vous avez évalué cette réponse : elle a résolu votre problème.",
  "rating.done.not-answered":
    "Vous avez évalué cette réponse : elle n'a pas répondu à votre question.",
  "rating.yourComment": "Votre commentaire :",
  "rating.reopened": "Merci. Le ticket est rouvert et confié à un autre agent.",
  "rating.thanks": "Merci pour votre évaluation.",
  "files.label": "Pièces jointes",
  "files.hint":
    "Jusqu'à 10 Mo par fichier et 25 Mo par message : fichiers texte, CSV, PDF, PNG, JPEG, GIF, ZIP, JSON, e-mail, tar ou gzip.",
  "files.uploading": "Envoi de {name}…",
  "files.tooBig": "{name} dépasse 10 Mo.",
  "files.tooMuch": "Ensemble, les fichiers dépasseraient 25 Mo.",
  "files.refused": "Fichier {name} : {reason}",
  "files.remove": "Retirer {name}",
  "files.list": "Fichiers à envoyer",
  "partner.clients": "Services que je gère pour des clients",
  "partner.clientsEmpty": "Vous ne gérez aucun service pour un autre compte.",
  "partner.client": "Compte client {nic}",
  "partner.more": "Afficher plus de services",
  "fastPath.title": "Fast-Path (accès express)",
  "fastPath.usage": "{used} tickets Fast-Path utilisés sur {quota} en {year}",
  "fastPath.remaining": "Il en reste {remaining} cette année.",
  "fastPath.option": "Utiliser Fast-Path",
  "fastPath.optionHint":
    "Directement à un expert, première réponse sous 30 minutes, jour et nuit. Consomme l'un des tickets Fast-Path de l'année (il en reste {remaining}).",
  "fastPath.granted": "Fast-Path : première réponse sous 30 minutes, à toute heure.",
  "fastPath.refused": "Fast-Path ne peut pas servir pour ce ticket : {reason}",
  "fastPath.reason.fast_path_not_subscribed": "votre compte n'a pas d'abonnement Fast-Path actif.",
  "fastPath.reason.fast_path_not_tech_contact":
    "votre compte n'est pas le contact technique de ce service.",
  "fastPath.reason.fast_path_quota_exhausted":
    "les tickets Fast-Path de cette année sont tous utilisés.",
  "prefs.saveFailed":
    "Vos préférences n'ont pas pu être enregistrées sur le serveur ; elles ne valent qu'ici.",
};
