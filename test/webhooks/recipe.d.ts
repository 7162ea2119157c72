/** Types of recipe.js, the verification recipe of docs/WEBHOOKS.md copied verbatim. */
export function verifyPalierSignature(
  secret: string,
  signatureHeader: string | string[] | undefined,
  rawBody: string | Buffer,
  nowSeconds?: number,
): boolean;
