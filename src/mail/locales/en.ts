const en = {
  redacted: {
    text: "This message carried a one-time link. It was removed from Palier's records once the message was delivered.",
  },
};

export type MailCatalogue = typeof en;
export default en;
