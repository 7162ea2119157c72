import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { isPublicAddress, privateTargetError, publicOnlyLookup } from "./address.ts";
import type { WebhookEvent } from "./events.ts";
import { signatureHeader } from "./signature.ts";

/** One HTTP attempt of a webhook delivery: the signed POST and what came of it. */

export const DELIVERY_TIMEOUT_MS = 10_000;
export const USER_AGENT = "Palier-Webhooks/1";

export interface AttemptResult {
  delivered: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** The request's headers and body; `now` gives the signed timestamp. */
export function signedRequest(secret: string, event: WebhookEvent, now: Date) {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "User-Agent": USER_AGENT,
      "Palier-Event-Id": event.id,
      "Palier-Event-Type": event.type,
      "Palier-Timestamp": String(timestamp),
      "Palier-Signature": signatureHeader(secret, timestamp, body),
    },
  };
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === "string" && message !== "" ? message : String(error);
  return (typeof code === "string" && !text.includes(code) ? `${code}: ${text}` : text).slice(
    0,
    500,
  );
}

function failure(statusCode: number): string {
  return statusCode >= 300 && statusCode < 400
    ? `HTTP ${statusCode} (redirects are not followed)`
    : `HTTP ${statusCode}`;
}

/**
 * POSTs with node:http(s) rather than fetch: fetch refuses some ports outright and its timeout
 * cannot cover the whole exchange as simply. Redirects are not followed (a 3xx is a failure:
 * the body is signed for the subscribed URL), the response body is discarded, and the whole
 * exchange is cut after `timeoutMs`. Only a 2xx status is a delivery.
 */
export function postSigned(
  url: string,
  request: { body: string; headers: Record<string, string> },
  { timeoutMs = DELIVERY_TIMEOUT_MS, publicOnly = false } = {},
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, durationMs: elapsed() });
    };
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, "");
    // An address literal is never looked up, so it is checked here; a name, by the lookup.
    if (publicOnly && isIP(host) !== 0 && !isPublicAddress(host)) {
      finish({ delivered: false, statusCode: null, error: describe(privateTargetError(host)) });
      return;
    }
    const transport = target.protocol === "https:" ? https : http;
    const req = transport.request(target, {
      method: "POST",
      headers: { ...request.headers, "Content-Length": Buffer.byteLength(request.body) },
      ...(publicOnly ? { lookup: publicOnlyLookup } : {}),
    });
    const timer = setTimeout(() => {
      req.destroy(new Error(`timed out after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    req.on("response", (res) => {
      const statusCode = res.statusCode ?? 0;
      const delivered = statusCode >= 200 && statusCode < 300;
      res.resume();
      res.on("close", () => clearTimeout(timer));
      finish({ delivered, statusCode, error: delivered ? null : failure(statusCode) });
    });
    req.on("error", (error) => {
      clearTimeout(timer);
      finish({ delivered: false, statusCode: null, error: describe(error) });
    });
    req.end(request.body);
  });
}
