import type { MailCatalogue } from "./en.ts";

const ru: MailCatalogue = {
  redacted: {
    text: "Это письмо содержало одноразовую ссылку. После доставки она удалена из записей Palier.",
  },
};

export default ru;
