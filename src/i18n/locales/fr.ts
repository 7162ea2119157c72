import type { Catalogue } from "./en.ts";

const fr: Catalogue = {
  problem: {
    validation_failed: "La requête n'est pas valide",
    malformed_json: "Le corps de la requête n'est pas du JSON valide",
    invalid_cursor: "Le curseur de pagination n'est pas valide",
    invalid_idempotency_key: "L'en-tête Idempotency-Key n'est pas valide",
    unauthenticated: "Connectez-vous d'abord",
    invalid_credentials: "Adresse e-mail ou mot de passe incorrect",
    csrf_failed: "Jeton CSRF absent ou incorrect",
    insufficient_scope: "Ce jeton ne permet que la lecture",
    forbidden: "Vous n'avez pas le droit de faire cela",
    not_found: "Introuvable",
    route_not_found: "Point d'accès inexistant",
    method_not_allowed: "Méthode non autorisée",
    conflict: "Cela entre en conflit avec l'état actuel",
    already_exists: "Cela existe déjà",
    contact_change_open: "Un changement de contact est déjà en cours pour ce service et ce rôle",
    contact_change_closed: "Ce changement de contact n'est plus ouvert",
    contact_change_expired: "Ce changement de contact a expiré",
    ticket_closed: "Ce ticket est fermé",
    reopen_window_passed: "Ce ticket ne peut plus être rouvert",
    same_account: "Ce compte détient déjà ce rôle",
    token_already_used: "Ce jeton a déjà été utilisé",
    idempotency_in_progress: "Une requête avec cette Idempotency-Key est encore en cours",
    uri_too_long: "L'adresse est trop longue",
    payload_too_large: "Le corps de la requête est trop volumineux",
    unsupported_media_type: "Type de contenu non pris en charge",
    idempotency_key_reused: "Cette Idempotency-Key a servi pour une autre requête",
    invalid_token: "Le jeton n'est pas valide pour ce changement de contact",
    region_mismatch: "Les deux comptes doivent être dans la même région",
    role_not_transferable: "Vous ne pouvez pas céder ce rôle de contact",
    level_not_offered: "Ce niveau de support n'est pas proposé ici",
    fast_path_not_certified:
      "Seuls les partenaires techniques certifiés peuvent souscrire Fast-Path",
    fast_path_not_subscribed: "Votre compte n'a pas d'abonnement Fast-Path actif",
    fast_path_not_tech_contact:
      "Fast-Path ne s'applique qu'aux services dont votre compte est le contact technique",
    fast_path_quota_exhausted: "Votre quota Fast-Path de l'année est épuisé",
    unprocessable: "La requête ne peut pas être traitée",
    rate_limited: "Trop de requêtes, réessayez plus tard",
    internal_error: "Une erreur s'est produite de notre côté",
    unavailable: "Le service n'est pas prêt",
  },
  ticket: {
    status: {
      open: "ouvert",
      "waiting-for-customer": "en attente du client",
      "waiting-for-provider": "en attente du fournisseur",
      "on-hold": "en pause",
      solved: "résolu",
      closed: "fermé",
    },
    system: {
      status: "Statut modifié : {{from}} → {{to}}.",
      reopened: "Rouvert par le client.",
      closedByCustomer: "Fermé par le client.",
      autoClosed: "Fermé automatiquement {{days}} jours après sa résolution, sans réponse.",
    },
    owner: {
      provider: "Ce domaine relève de notre responsabilité",
      customer: "Ce domaine relève de votre responsabilité",
      shared: "Ce domaine relève d'une responsabilité partagée",
    },
    outOfPerimeter: {
      answer:
        "Merci pour votre message. Ce que vous décrivez relève du domaine « {{area}} » de la matrice de responsabilité {{product}}. {{owner}} :\n\n> {{explanation}}\n\nNous ne pouvons donc pas intervenir nous-mêmes. Où trouver de l'aide :\n- Documentation : {{documentationUrl}}\n- Partenaires techniques certifiés :\n{{partners}}\n\nSi nous avons mal compris votre demande, répondez à ce ticket et nous l'examinerons de nouveau.",
      noPartners: "(aucun pour l'instant dans cet univers)",
    },
  },
};
export default fr;
