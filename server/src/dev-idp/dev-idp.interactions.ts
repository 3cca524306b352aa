import express, { type Request, type Response, type NextFunction } from 'express';
import { errors, type Interaction, type Provider } from 'oidc-provider';
import type { DevDirectory } from './dev-idp.directory.js';
import { pageText, pickLang, renderLoginPage, renderMessagePage, type PageLang } from './dev-idp.login-page.js';

/** Headers for the HTML pages this IdP renders itself. */
export function setPageHeaders(res: Response): void {
  res.set({
    'Cache-Control': 'no-store',
    'Content-Type': 'text/html; charset=utf-8',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    'Referrer-Policy': 'no-referrer',
  });
}

/**
 * The login step of the authorization code flow, at Keycloak's `/realms/<realm>/login-actions/…`.
 * Consent is never asked: `loadExistingGrant` grants first-party clients what they request.
 */
export function interactionRoutes(realmPath: string, provider: () => Provider, directory: DevDirectory) {
  const router = express.Router();
  const path = `${realmPath}/login-actions/:uid`;

  router.get(path, async (req, res, next) => {
    try {
      const interaction = await provider().interactionDetails(req, res);
      const lang = pickLang(req.query.lang, interaction.params.ui_locales);
      if (interaction.prompt.name !== 'login') {
        await finishConsent(provider(), interaction, req, res);
        return;
      }
      sendLogin(req, res, lang, {});
    } catch (error) {
      handleError(error, req, res, next);
    }
  });

  router.post(path, express.urlencoded({ extended: false, limit: '16kb' }), async (req, res, next) => {
    try {
      const interaction = await provider().interactionDetails(req, res);
      const lang = pickLang(req.query.lang, interaction.params.ui_locales);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const user = directory.authenticate(body.username, body.password);
      if (!user) {
        const username = typeof body.username === 'string' ? body.username : '';
        sendLogin(req, res, lang, { username, invalidCredentials: true });
        return;
      }
      await provider().interactionFinished(
        req,
        res,
        { login: { accountId: user.id } },
        {
          mergeWithLastSubmission: false,
        },
      );
    } catch (error) {
      handleError(error, req, res, next);
    }
  });

  return router;
}

function sendLogin(
  req: Request,
  res: Response,
  lang: PageLang,
  state: { username?: string; invalidCredentials?: boolean },
): void {
  const here = req.originalUrl.split('?')[0] ?? '';
  const other: PageLang = lang === 'ru' ? 'en' : 'ru';
  setPageHeaders(res);
  res.status(200).send(
    renderLoginPage({
      lang,
      action: `${here}?lang=${lang}`,
      languageHref: `${here}?lang=${other}`,
      ...state,
    }),
  );
}

/** Only reached when a grant lacks something `loadExistingGrant` did not add; grant it all. */
async function finishConsent(provider: Provider, interaction: Interaction, req: Request, res: Response) {
  const { session, params, prompt } = interaction;
  if (!session) throw new errors.SessionNotFound('no login session for consent');
  const grant =
    (interaction.grantId && (await provider.Grant.find(interaction.grantId))) ||
    new provider.Grant({ accountId: session.accountId, clientId: String(params.client_id) });
  const details = prompt.details as {
    missingOIDCScope?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  const consent = interaction.grantId ? {} : { grantId };
  await provider.interactionFinished(req, res, { consent }, { mergeWithLastSubmission: true });
}

function handleError(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (error instanceof Error && error.name === 'SessionNotFound') {
    const lang = pickLang(req.query.lang);
    const t = pageText(lang);
    setPageHeaders(res);
    res.status(400).send(renderMessagePage(lang, t.errorTitle, t.expired));
    return;
  }
  next(error);
}
