/** Checks every browser-mode request passes before it reaches the handler table. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Host must name this loopback server (defeats DNS rebinding); Origin, when sent, likewise. */
export function isLoopbackRequest(req: IncomingMessage, port: number): boolean {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!req.headers.host || !allowedHosts.has(req.headers.host.toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
    if (!allowedOrigins.has(origin.toLowerCase())) return false;
  }
  return true;
}

export function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The tab id a browser tab sends so each tab has its own sign-in; random, made by the tab. */
export function tabId(req: IncomingMessage): string | null {
  const value = req.headers['x-desk-tab'];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : null;
}
