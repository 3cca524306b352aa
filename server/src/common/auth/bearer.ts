import type { RequestHandler, Response } from 'express';
import { ErrorCode, type LocalizedMessage } from '../errors/domain-error.js';
import { localeFromHeader } from '../i18n/locale.js';
import {
  AuthenticationError,
  type AuthenticationFailure,
  type TokenVerifier,
  type VerifiedToken,
} from './token-verifier.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The verified caller; undefined for anonymous requests (no Authorization header). */
      auth?: VerifiedToken;
    }
  }
}

const MESSAGES: Record<AuthenticationFailure | 'bad_header', LocalizedMessage> = {
  bad_header: {
    ru: 'Заголовок Authorization должен иметь вид «Bearer <токен>»',
    en: 'The Authorization header must be "Bearer <token>"',
  },
  malformed: { ru: 'Токен доступа повреждён', en: 'The access token is malformed' },
  not_bearer: { ru: 'Это не токен доступа (typ должен быть Bearer)', en: 'Not an access token (typ must be "Bearer")' },
  expired: { ru: 'Срок действия токена доступа истёк', en: 'The access token has expired' },
  not_yet_valid: { ru: 'Токен доступа ещё не действует', en: 'The access token is not valid yet' },
  wrong_issuer: {
    ru: 'Токен выпущен другим сервером входа',
    en: 'The access token comes from another identity provider',
  },
  wrong_audience: { ru: 'Токен выпущен не для этого API', en: 'The access token is not meant for this API' },
  bad_signature: { ru: 'Подпись токена доступа недействительна', en: 'The access token signature is invalid' },
  jwks_unavailable: {
    ru: 'Сервер входа недоступен, попробуйте позже',
    en: 'The identity provider is unavailable, try again later',
  },
};

/**
 * Anonymous without an Authorization header; otherwise the token must verify, or the request ends
 * here with 401 (503 when the identity provider's keys cannot be fetched). Never a silent pass.
 */
export function bearerAuth(
  verifier: TokenVerifier,
  opts: { logger?: { info(details: object, message: string): void } } = {},
): RequestHandler {
  return async (req, res, next) => {
    req.auth = undefined;
    const header = req.headers.authorization;
    if (header === undefined) {
      next();
      return;
    }
    const locale = localeFromHeader(req.headers['accept-language']);
    const match = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
    if (!match?.[1]) {
      refuse(res, 401, MESSAGES.bad_header[locale], 'bad_header');
      return;
    }
    try {
      req.auth = await verifier.verify(match[1]);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) {
        next(error);
        return;
      }
      opts.logger?.info({ reason: error.reason, detail: error.message }, 'bearer token refused');
      const status = error.reason === 'jwks_unavailable' ? 503 : 401;
      refuse(res, status, MESSAGES[error.reason][locale], error.reason);
      return;
    }
    next();
  };
}

function refuse(res: Response, status: 401 | 503, message: string, reason: string): void {
  const code = status === 401 ? ErrorCode.UNAUTHENTICATED : 'SERVICE_UNAVAILABLE';
  if (status === 401) res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
  else res.set('Retry-After', '10');
  res.status(status).json({ errors: [{ message, extensions: { code, reason } }] });
}
