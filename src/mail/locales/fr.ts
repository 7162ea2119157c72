import type { MailCatalogue } from "./en.ts";

const fr: MailCatalogue = {
  redacted: {
    text: "Ce message contenait un lien à usage unique. Il a été retiré des archives de Palier une fois le message remis.",
  },
};

export default fr;
