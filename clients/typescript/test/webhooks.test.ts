// verifyWebhookSignature against deliveries the live server signs: a Node receiver subscribes through the
// package, pings itself, and checks the signature (and that tampering, a wrong secret or age fail it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createMilestonesClient, verifyWebhookSignature, WebhookHeaders, type WebhookPayload } from "../src/index.js";

const baseUrl = process.env.MILESTONES_BASE_URL;
const apiKey = process.env.MILESTONES_API_KEY;

test("a delivery signed by the server verifies, and a tampered, mis-keyed or stale one does not", async () => {
  assert.ok(baseUrl && apiKey, "Set MILESTONES_BASE_URL and MILESTONES_API_KEY: these tests drive a running server.");
  const arrived = new Promise<{ headers: IncomingMessage["headers"]; body: string }>((resolve) => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        res.writeHead(200).end("ok");
        server.close();
        resolve({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      });
    }).listen(0, "127.0.0.1");
    server.on("listening", () => listening((server.address() as AddressInfo).port));
  });
  let listening!: (port: number) => void;
  const port = await new Promise<number>((r) => (listening = r));

  const api = createMilestonesClient({ baseUrl, apiKey });
  const project = await api.projects.createProject({ name: `hooks ${Date.now()}` });
  const webhook = await api.webhooks.createWebhook(project.data.id, { url: `http://127.0.0.1:${port}/hooks`, events: ["milestone.*"] });
  await api.webhooks.pingWebhook(webhook.data.id);
  const { headers, body } = await arrived;

  const signature = headers[WebhookHeaders.signature.toLowerCase()] as string;
  const payload = JSON.parse(body) as WebhookPayload;
  assert.equal(payload.type, "ping");
  assert.equal(headers[WebhookHeaders.event.toLowerCase()], "ping");
  assert.equal(await verifyWebhookSignature(webhook.data.secret, signature, body, { toleranceSeconds: 300 }), true);
  assert.equal(await verifyWebhookSignature(webhook.data.secret, signature, body.replace("ping", "pong"), { toleranceSeconds: 300 }), false);
  assert.equal(await verifyWebhookSignature("whsec_" + "x".repeat(32), signature, body, { toleranceSeconds: 300 }), false);
  assert.equal(await verifyWebhookSignature(webhook.data.secret, signature, body, { toleranceSeconds: 300, now: new Date(Date.now() + 3_600_000) }), false);
  assert.equal(await verifyWebhookSignature(webhook.data.secret, undefined, body), false);
});
