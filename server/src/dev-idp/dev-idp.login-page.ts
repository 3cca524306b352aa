export type PageLang = 'ru' | 'en';

const TEXT = {
  ru: {
    signInTitle: 'Вход в Отклик',
    username: 'Имя пользователя или эл. почта',
    password: 'Пароль',
    submit: 'Войти',
    invalid: 'Неверное имя пользователя или пароль.',
    devNotice: 'Сервер входа для разработки: только демонстрационные учётные записи.',
    otherLang: { code: 'en', label: 'English' },
    signOutTitle: 'Выход из Отклика',
    signOutQuestion: 'Выйти из учётной записи?',
    signOut: 'Выйти',
    signedOutTitle: 'Вы вышли',
    signedOut: 'Вы вышли из учётной записи. Окно можно закрыть.',
    errorTitle: 'Не удалось выполнить вход',
    expired: 'Сеанс входа истёк. Вернитесь в приложение и войдите снова.',
  },
  en: {
    signInTitle: 'Sign in to Otklik',
    username: 'Username or email',
    password: 'Password',
    submit: 'Sign in',
    invalid: 'Invalid username or password.',
    devNotice: 'Development sign-in server: demo accounts only.',
    otherLang: { code: 'ru', label: 'Русский' },
    signOutTitle: 'Sign out of Otklik',
    signOutQuestion: 'Sign out of your account?',
    signOut: 'Sign out',
    signedOutTitle: 'Signed out',
    signedOut: 'You have signed out. You can close this window.',
    errorTitle: 'Sign-in failed',
    expired: 'The sign-in session has expired. Go back to the application and sign in again.',
  },
} as const;

export const pageText = (lang: PageLang) => TEXT[lang];

/** `?lang=en` wins, then the authorization request's `ui_locales`; Russian otherwise. */
export function pickLang(...candidates: unknown[]): PageLang {
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || !candidate) continue;
    const first =
      candidate
        .trim()
        .toLowerCase()
        .split(/[\s,]+/)[0] ?? '';
    if (first.startsWith('en')) return 'en';
    if (first.startsWith('ru')) return 'ru';
  }
  return 'ru';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Colours chosen for WCAG AA contrast: #1b1f24 / #4a5360 on white, white on #1d4ed8, #8a1111 on #fdecec.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f8}
main{max-width:24rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #d0d7de;border-radius:8px}
h1{font-size:1.5rem;margin:0 0 1.25rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;padding:.6rem .7rem;font:inherit;color:#1b1f24;border:1px solid #57606a;border-radius:6px}
input:focus,button:focus,a:focus{outline:3px solid #1d4ed8;outline-offset:2px}
button{margin-top:1.5rem;width:100%;padding:.7rem;font:inherit;font-weight:600;color:#fff;background:#1d4ed8;border:0;border-radius:6px;cursor:pointer}
button:hover{background:#1e40af}
.alert{margin:0 0 1rem;padding:.75rem;color:#8a1111;background:#fdecec;border:1px solid #8a1111;border-radius:6px}
.note{margin:1.5rem 0 0;font-size:.875rem;color:#4a5360}
a{color:#1d4ed8}
nav{text-align:right;font-size:.875rem;margin-bottom:.5rem}`;

function layout(lang: PageLang, title: string, body: string, languageHref?: string): string {
  const other = TEXT[lang].otherLang;
  const switcher = languageHref
    ? `<nav aria-label="${lang === 'ru' ? 'Язык' : 'Language'}"><a href="${escapeHtml(languageHref)}" lang="${other.code}" hreflang="${other.code}">${other.label}</a></nav>`
    : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${switcher}
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  lang: PageLang;
  /** Form action (path and query). */
  action: string;
  /** Link to the same page in the other language. */
  languageHref: string;
  username?: string;
  invalidCredentials?: boolean;
}

export function renderLoginPage(input: LoginPageInput): string {
  const t = TEXT[input.lang];
  const invalid = input.invalidCredentials === true;
  const described = invalid ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const alert = invalid ? `<p id="login-error" class="alert" role="alert">${t.invalid}</p>` : '';
  const body = `${alert}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
<label for="username">${t.username}</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(input.username ?? '')}"${described}${invalid ? '' : ' autofocus'}>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}${invalid ? ' autofocus' : ''}>
<button type="submit">${t.submit}</button>
</form>
<p class="note">${t.devNotice}</p>`;
  return layout(input.lang, t.signInTitle, body, input.languageHref);
}

/** `form` is oidc-provider's hidden logout form (id "op.logoutForm", carrying the xsrf token). */
export function renderLogoutPage(lang: PageLang, form: string, autoSubmit: boolean): string {
  const t = TEXT[lang];
  const script = autoSubmit ? `<script>document.querySelector('button[name="logout"]').click()</script>` : '';
  const body = `<p>${t.signOutQuestion}</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${t.signOut}</button>
${script}`;
  return layout(lang, t.signOutTitle, body);
}

export function renderMessagePage(lang: PageLang, title: string, message: string): string {
  return layout(lang, title, `<p>${escapeHtml(message)}</p>`);
}
