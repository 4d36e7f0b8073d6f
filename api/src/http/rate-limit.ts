import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { requestToken } from '../graphql/context.js';
import { tokenHash } from '../modules/auth/auth.service.js';

/**
 * Per-token (signed-in or API token) and per-IP (the public) request limits; over the limit the
 * answer is 429 with Retry-After and a JSON error in GraphQL's shape.
 */
export function requestLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const token = requestToken(req);
      return token ? `t:${tokenHash(token)}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, res, _next, options) => {
      res.status(options.statusCode).json({
        errors: [{ message: `Too many requests: at most ${perMinute} a minute. Wait for the time in Retry-After, then try again.`, extensions: { code: 'RATE_LIMITED' } }],
      });
    },
  });
}

/** Sign-in attempts per IP are limited far below ordinary requests, against password guessing. */
export function signInLimit(perMinute: number): RequestHandler {
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => `signin:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    handler: (_req, res) => {
      res.status(429).json({ errors: [{ message: 'Too many sign-in attempts from this address; wait a minute and try again.', extensions: { code: 'RATE_LIMITED' } }] });
    },
  });
  return (req, res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    if (typeof body?.query === 'string' && /\bsignIn\s*\(/.test(body.query)) void limiter(req, res, next);
    else next();
  };
}

/** The public forms' mutations (no account): feedback and quiz entries, orders for legal education. */
const PUBLIC_SUBMIT = /\b(submitFeedback|orderLegalEducation)\b/;

/**
 * Public submissions per IP, whoever is signed in: far below ordinary requests, so one address
 * cannot stuff a wave or flood agencies with orders (docs/portal.md).
 */
export function publicSubmitLimit(perMinute: number): RequestHandler {
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => `public:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    handler: (_req, res) => {
      res.status(429).json({ errors: [{ message: `Too many submissions from this address: at most ${perMinute} a minute. Wait a minute and try again.`, extensions: { code: 'RATE_LIMITED' } }] });
    },
  });
  return (req, res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    if (typeof body?.query === 'string' && PUBLIC_SUBMIT.test(body.query)) void limiter(req, res, next);
    else next();
  };
}
