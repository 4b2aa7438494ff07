// Receiving Milestones webhooks: the headers a delivery carries, and the check of its `Milestones-Signature` header
// (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>", keyed with the whole whsec_ secret>`).
// Web Crypto only, so it runs in Node 20+ and in browsers / edge runtimes alike.
// The payload's type, WebhookPayload, is generated from the contract (milestones-client.ts).

/** The request headers a delivery carries. */
export const WebhookHeaders = {
  signature: "Milestones-Signature",
  event: "Milestones-Event",
  /** Stable across retries and redeliveries: drop a delivery id you have already handled. */
  delivery: "Milestones-Delivery",
} as const;

const encoder = new TextEncoder();

/**
 * True when `signatureHeader` signs `rawBody` (the exact bytes received, before any JSON parsing) with
 * `secret`, and its timestamp is within `toleranceSeconds` (default 300) of `now` (replays of old deliveries fail).
 */
export async function verifyWebhookSignature(
  secret: string,
  signatureHeader: string | null | undefined,
  rawBody: string | Uint8Array,
  { toleranceSeconds = 300, now = new Date() }: { toleranceSeconds?: number; now?: Date } = {},
): Promise<boolean> {
  if (!signatureHeader) {
    return false;
  }

  const parts = new Map(signatureHeader.split(",").map((p) => {
    const at = p.indexOf("=");
    return [p.slice(0, at).trim(), p.slice(at + 1).trim()] as const;
  }));
  const t = parts.get("t");
  const v1 = parts.get("v1");
  if (!t || !/^\d+$/.test(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) {
    return false;
  }

  if (Math.abs(now.getTime() / 1000 - Number(t)) > toleranceSeconds) {
    return false;
  }

  const body = typeof rawBody === "string" ? encoder.encode(rawBody) : rawBody;
  const signed = new Uint8Array(t.length + 1 + body.length);
  signed.set(encoder.encode(`${t}.`));
  signed.set(body, t.length + 1);

  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const expected = new Uint8Array(v1.match(/../g)!.map((h) => parseInt(h, 16)));
  return crypto.subtle.verify("HMAC", key, expected, signed); // constant-time comparison
}
