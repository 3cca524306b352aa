#!/usr/bin/env node
// Browser end-to-end scenario with accessibility checks.
//
// Expects Otklik to be running already at OTKLIK_URL (default http://localhost:4000),
// serving the dashboard, the API and the identity provider. Scenario: an anonymous
// visitor sees the thematic groups; semya.admin signs in through the identity
// provider's login page, joins the OPEN group «Старшее поколение» for fond-semya and
// sees the membership become ACTIVE. Then semya.editor (EDITOR of fond-semya, ACTIVE in
// «Семьи / люди в трудной жизненной ситуации») writes a practice through the editor: saves a
// draft, finds it among the organisation's drafts, fills every step and publishes it, finds it
// by another form of a Russian word in /practices (with the match highlighted) and opens it.
// Titles are unique per run, so the scenario passes again on the same database. axe-core
// checks every page visited and fails on serious or critical violations. Screenshots go to
// tests/e2e/artifacts/.
//
//   pnpm --filter @otklik/tests e2e
//   OTKLIK_URL=http://localhost:5173 HEADED=1 node tests/e2e/run.mjs

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.OTKLIK_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 20_000);

const USER = { username: 'semya.admin', password: 'otklik-demo' };
const ORGANISATION_NAME = 'Благотворительный фонд «Семья»';
const GROUP = { slug: 'starshee-pokolenie', title: 'Старшее поколение' };
const EDITOR = { username: 'semya.editor', password: 'otklik-demo' };
const PRACTICE_GROUP = 'semyi-v-tzhs';
// Unique per run; the title and texts use «семьи», the search asks for «семей» (another form).
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PRACTICE = {
  title: `Родительский совет ${RUN}: поддержка семьи через совместное планирование`,
  summary: `Родители вместе с сотрудниками фонда планируют консультации (прогон ${RUN}): поддержка семьи строится на их отзывах.`,
  problem: 'Консультации планировали **без родителей**, и многие семьи переставали приходить после первой встречи.',
  beneficiaries: 'Родители из многодетных и неполных семей, которые получают консультации фонда.',
  returnedWhat: 'Решения совета и список изменений в расписании консультаций.',
  returnedHow: 'Встреча с родителями и сообщение в чате фонда.',
  evidenceUrl: 'https://example.org/otchet-soveta.pdf',
};
const SEARCH_WORD = 'семей';

const results = [];
let stopped = null;

function log(line) {
  process.stdout.write(`${line}\n`);
}

/** Runs one named check; after a failure the scenario stops and later checks count as failed. */
async function step(name, fn) {
  if (stopped) {
    results.push({ name, ok: false });
    log(`✗ ${name} (not run: "${stopped}" failed)`);
    return;
  }
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    stopped = name;
    log(`✗ ${name}`);
    log(indent(error instanceof Error ? (error.stack ?? error.message) : String(error)));
  }
}

/** A check that does not stop the scenario when it fails (accessibility findings). */
async function check(name, fn) {
  if (stopped) return step(name, fn);
  try {
    await fn();
    results.push({ name, ok: true });
    log(`✓ ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    log(`✗ ${name}`);
    log(indent(error instanceof Error ? error.message : String(error)));
  }
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

async function screenshot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core with the WCAG 2.1 A/AA rules; serious and critical violations fail. */
async function accessibility(page, label) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !blocking.includes(v));
  for (const v of minor) {
    log(`    note (${v.impact ?? 'n/a'}) ${v.id}: ${v.help} — ${v.nodes.length} node(s) on ${label}`);
  }
  if (blocking.length > 0) {
    const lines = blocking.flatMap((v) => [
      `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
      ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ') ?? ''}`),
    ]);
    throw new Error(`${blocking.length} serious/critical accessibility violation(s) on ${label}:\n${lines.join('\n')}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Signs in through the identity provider's login page, starting from the dashboard's «Войти». */
async function signIn(page, user) {
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await page.getByLabel(/Имя пользователя|Username/).fill(user.username);
  await page.getByLabel(/^(Пароль|Password)$/).fill(user.password);
  await page.getByRole('button', { name: /^(Войти|Sign in)$/ }).click();
  await page.waitForURL((url) => url.origin === new URL(BASE_URL).origin && !url.pathname.startsWith('/auth/'), {
    timeout: TIMEOUT_MS,
  });
  await page.getByRole('button', { name: 'Выйти', exact: true }).waitFor();
}

/** The editor's current step (the step list marks it with aria-current). */
async function currentStep(page) {
  return (await page.getByRole('navigation', { name: 'Шаги' }).locator('[aria-current="step"]').textContent()) ?? '';
}

async function nextStep(page, name) {
  await page.getByRole('button', { name: 'Далее', exact: true }).click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
  const current = await currentStep(page);
  expect(current.includes(name), `the step list marks «${current}» as current, expected «${name}»`);
}

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  log(`Otklik e2e against ${BASE_URL}`);

  const health = await fetch(`${BASE_URL}/healthz`).catch((error) => error);
  if (health instanceof Error || !health.ok) {
    log(
      `✗ the app is not reachable at ${BASE_URL}/healthz (${health instanceof Error ? health.message : `HTTP ${health.status}`})`,
    );
    log('0 passed, 1 failed');
    process.exit(1);
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !process.env.HEADED,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT_MS);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Leaving a group asks for confirmation.
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('console', (message) => {
    if (message.type() === 'error') log(`    console error: ${message.text()}`);
  });

  try {
    await step('home page lists the thematic groups (anonymous)', async () => {
      await page.goto(`${BASE_URL}/`);
      await page.getByRole('heading', { level: 1, name: 'Тематические группы' }).waitFor();
      const cards = page.locator('[data-group-slug]');
      await cards.first().waitFor();
      expect((await cards.count()) >= 1, 'no thematic group cards on the home page');
      await page.locator(`[data-group-slug="${GROUP.slug}"]`).waitFor();
      expect((await page.locator('html').getAttribute('lang')) === 'ru', '<html lang> is not "ru"');
      await page.getByRole('button', { name: 'Войти', exact: true }).waitFor();
      await screenshot(page, '01-home-anonymous');
    });
    await check('accessibility: home page', () => accessibility(page, 'the home page'));

    await step('the identity provider shows its login page', async () => {
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
      await page.getByLabel(/Имя пользователя|Username/).waitFor();
      const url = new URL(page.url());
      expect(!url.pathname.startsWith('/auth/callback'), `unexpected login URL ${page.url()}`);
      await screenshot(page, '02-login');
    });
    await check('accessibility: login page', () => accessibility(page, 'the login page'));

    await step(`sign in as ${USER.username}`, async () => {
      await page.getByLabel(/Имя пользователя|Username/).fill(USER.username);
      await page.getByLabel(/^(Пароль|Password)$/).fill(USER.password);
      await page.getByRole('button', { name: /^(Войти|Sign in)$/ }).click();
      await page.waitForURL((url) => url.origin === new URL(BASE_URL).origin && !url.pathname.startsWith('/auth/'), {
        timeout: TIMEOUT_MS,
      });
      await page.getByRole('button', { name: 'Выйти', exact: true }).waitFor();
      await page.getByText('Анна Петрова').first().waitFor();
      await page.getByText(ORGANISATION_NAME).first().waitFor();
    });

    await step(`open the group page «${GROUP.title}»`, async () => {
      await page.getByRole('link', { name: GROUP.title, exact: true }).first().click();
      await page.waitForURL(`**/groups/${GROUP.slug}`);
      await page.getByRole('heading', { level: 1, name: GROUP.title }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Организации в группе' }).waitFor();
      const title = await page.title();
      expect(title === `${GROUP.title} — Отклик`, `unexpected document title «${title}»`);
    });

    await step('join the OPEN group: membership becomes ACTIVE', async () => {
      const active = page.locator('.membership [data-status="ACTIVE"]');
      const join = page.getByRole('button', { name: /^Вступить в группу/ });
      await Promise.race([active.waitFor(), join.waitFor()]);
      if (await active.isVisible()) {
        // A database left over from an earlier run: leave first so the join is exercised.
        log('    fond-semya is already an ACTIVE member (earlier run); leaving the group first');
        await page.getByRole('button', { name: /^Выйти из группы/ }).click();
        await page.locator('.membership [data-status="LEFT"]').waitFor();
      }
      await join.click();
      await active.waitFor();
      expect((await active.textContent())?.includes('Участвует'), 'the ACTIVE badge does not say «Участвует»');
      await page
        .getByRole('region', { name: 'Организации в группе' })
        .getByRole('link', { name: ORGANISATION_NAME })
        .waitFor();
      await screenshot(page, '03-group-joined');
    });
    await check('accessibility: group page', () => accessibility(page, 'the group page'));

    await step('the membership is still ACTIVE after a reload', async () => {
      await page.reload();
      await page.getByRole('heading', { level: 1, name: GROUP.title }).waitFor();
      await page.locator('.membership [data-status="ACTIVE"]').waitFor();
    });

    await step('my organisation page shows the profile and the members', async () => {
      await page.getByRole('link', { name: 'Моя организация', exact: true }).click();
      await page.waitForURL('**/my/organisation');
      await page.getByRole('heading', { level: 1, name: ORGANISATION_NAME }).waitFor();
      await page.getByLabel(/^ИНН/).waitFor();
      await page.getByRole('table', { name: 'Участники организации' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Ожидающие приглашения' }).waitFor();
      await screenshot(page, '04-my-organisation');
    });
    await check('accessibility: my organisation page', () => accessibility(page, 'the my organisation page'));

    // ── An editor writes, publishes and finds a practice ──────────────────────────────────
    const editorContext = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
    editorContext.setDefaultTimeout(TIMEOUT_MS);
    const editor = await editorContext.newPage();
    editor.on('pageerror', (error) => pageErrors.push(error.message));
    editor.on('dialog', (dialog) => void dialog.accept());
    editor.on('console', (message) => {
      if (message.type() === 'error') log(`    console error: ${message.text()}`);
    });
    let practiceUrl = '';

    await step(`sign in as ${EDITOR.username}`, async () => {
      await editor.goto(`${BASE_URL}/`);
      await signIn(editor, EDITOR);
      await editor.getByText('Мария Иванова').first().waitFor();
    });

    await step('the group page lists practices and offers «Новая практика»', async () => {
      await editor.goto(`${BASE_URL}/groups/${PRACTICE_GROUP}`);
      const section = editor.getByRole('region', { name: 'Практики', exact: true });
      await section.locator('[data-practice-id]').first().waitFor();
      await section.getByRole('link', { name: 'Новая практика' }).click();
      await editor.waitForURL(`**/practices/new?group=${PRACTICE_GROUP}`);
      await editor.getByRole('heading', { level: 1, name: 'Новая практика' }).waitFor();
      expect((await currentStep(editor)).includes('Контекст'), 'the first step is not marked as current');
      const group = await editor
        .getByLabel(/^Тематическая группа/)
        .locator('option:checked')
        .textContent();
      expect(/Семьи/.test(group ?? ''), `the group is not preselected (${group})`);
    });

    await step('fill the context step and save a draft', async () => {
      await editor.getByLabel(/^Название практики/).fill(PRACTICE.title);
      await editor.getByLabel(/^Краткое описание/).fill(PRACTICE.summary);
      await editor.getByLabel(/^Проблема и контекст/).fill(PRACTICE.problem);
      await editor.getByRole('button', { name: 'Показать предпросмотр' }).first().click();
      await editor
        .getByRole('region', { name: 'Предпросмотр: Проблема и контекст' })
        .locator('strong', { hasText: 'без родителей' })
        .waitFor();
      await editor.getByLabel(/^Кто благополучатели/).fill(PRACTICE.beneficiaries);
      await editor.getByLabel(/^Сколько человек в сегменте/).fill('120');
      await screenshot(editor, '05-editor-context');
    });
    await check('accessibility: editor, step «Контекст»', () => accessibility(editor, 'the editor (context step)'));

    await step('the draft is saved and the editor keeps editing it', async () => {
      await editor.getByRole('button', { name: 'Сохранить черновик' }).click();
      await editor.waitForURL(/\/practices\/[^/]+\/edit/);
      await editor.getByRole('status').filter({ hasText: 'Черновик сохранён.' }).waitFor();
      practiceUrl = new URL(editor.url()).pathname.replace(/\/edit$/, '');
    });

    await step("the draft is listed among my organisation's drafts", async () => {
      await editor.getByRole('link', { name: 'Моя организация', exact: true }).click();
      await editor.waitForURL('**/my/organisation');
      const drafts = editor.getByRole('region', { name: 'Черновики практик' });
      await drafts.getByRole('link', { name: PRACTICE.title }).waitFor();
      await drafts.getByRole('link', { name: PRACTICE.title }).click();
      await editor.getByRole('heading', { level: 1, name: PRACTICE.title }).waitFor();
      await editor.locator('.page__header [data-status="DRAFT"]').waitFor();
      await editor.getByRole('link', { name: 'Редактировать' }).click();
      await editor.waitForURL('**/edit');
      await editor.getByRole('heading', { level: 1, name: 'Редактирование практики' }).waitFor();
      expect(
        (await editor.getByLabel(/^Название практики/).inputValue()) === PRACTICE.title,
        'the editor did not load the saved title',
      );
    });

    await step('fill the participation, methods and loop closure steps', async () => {
      await nextStep(editor, 'Уровень участия');
      await editor.getByRole('radio', { name: /^3\. Сотрудничество и совместный дизайн/ }).check();
    });
    await check('accessibility: editor, step «Уровень участия»', () =>
      accessibility(editor, 'the editor (participation step)'),
    );
    await step('choose methods and describe closing the loop', async () => {
      await nextStep(editor, 'Методы');
      await editor.getByRole('checkbox').first().check();
      await nextStep(editor, 'Возвращение обратной связи');
      await editor.getByLabel(/^Что вернули благополучателям/).fill(PRACTICE.returnedWhat);
      await editor.getByLabel(/^Как вернули/).fill(PRACTICE.returnedHow);
      await editor.getByLabel(/^Через сколько дней/).fill('14');
      await editor.getByRole('radio', { name: 'Да', exact: true }).check();
    });

    await step('an indicator that is not a number is refused at its field', async () => {
      await nextStep(editor, 'Результаты');
      await editor.getByRole('button', { name: 'Добавить показатель' }).click();
      await editor.getByLabel(/^Уровень результата, показатель 1/).selectOption('OUTPUT');
      await editor.getByLabel(/^Показатель, показатель 1/).fill('Встречи родительского совета');
      await editor.getByLabel(/^Единица, показатель 1/).fill('встреч');
      await editor.getByLabel(/^Было \(базовое значение\), показатель 1/).fill('0');
      await editor.getByLabel(/^Стало \(достигнутое значение\), показатель 1/).fill('много');
      await editor.getByRole('button', { name: 'Сохранить черновик' }).click();
      await editor.locator('#practice-indicators-0-value-error').waitFor();
      const invalid = await editor
        .getByLabel(/^Стало \(достигнутое значение\), показатель 1/)
        .getAttribute('aria-invalid');
      expect(invalid === 'true', 'the invalid value is not marked aria-invalid');
      await editor.getByLabel(/^Стало \(достигнутое значение\), показатель 1/).fill('6');
      await editor.getByRole('button', { name: 'Добавить показатель' }).click();
      await editor.getByLabel(/^Уровень результата, показатель 2/).selectOption('OUTCOME');
      await editor.getByLabel(/^Показатель, показатель 2/).fill('Семьи, продолжившие консультации');
      await editor.getByLabel(/^Единица, показатель 2/).fill('%');
      await editor.getByLabel(/^Было \(базовое значение\), показатель 2/).fill('54');
      await editor.getByLabel(/^Стало \(достигнутое значение\), показатель 2/).fill('71,5');
      await screenshot(editor, '06-editor-results');
    });
    await check('accessibility: editor, step «Результаты»', () => accessibility(editor, 'the editor (results step)'));

    await step('add evidence and publish', async () => {
      await nextStep(editor, 'Материалы и тиражирование');
      await editor.getByRole('button', { name: 'Добавить ссылку' }).click();
      await editor.getByLabel(/^Что это за материал/).fill('Отчёт родительского совета');
      await editor.getByLabel(/^Ссылка/).fill(PRACTICE.evidenceUrl);
      await editor.getByLabel(/^Теги/).fill('родители, совет');
      await editor.getByRole('button', { name: 'Опубликовать', exact: true }).click();
      await editor.waitForURL((url) => url.pathname === practiceUrl);
      await editor.getByRole('status').filter({ hasText: 'Практика опубликована.' }).waitFor();
      await editor.locator('.page__header [data-status="PUBLISHED"]').waitFor();
    });

    await step(`search /practices for «${SEARCH_WORD}»: the new practice with a highlighted match`, async () => {
      await editor.getByRole('link', { name: 'Практики', exact: true }).click();
      await editor.waitForURL('**/practices');
      await editor.getByRole('heading', { level: 1, name: 'Практики вовлечения' }).waitFor();
      await editor.getByRole('searchbox', { name: /Поиск по практикам/ }).fill(SEARCH_WORD);
      await editor.getByRole('button', { name: 'Найти', exact: true }).click();
      await editor.waitForURL((url) => url.searchParams.get('q') === SEARCH_WORD);
      await editor
        .getByRole('status')
        .filter({ hasText: /Найден/ })
        .waitFor();
      const card = editor.locator('[data-practice-id]').filter({ hasText: PRACTICE.title });
      // Newer runs' practices may rank alongside: page through with «Показать ещё» if needed.
      for (let pages = 0; pages < 10 && (await card.count()) === 0; pages++) {
        const more = editor.getByRole('button', { name: 'Показать ещё' });
        if ((await more.count()) === 0) break;
        await more.click();
        await editor
          .getByRole('button', { name: /Показать ещё|Загружаем ещё/ })
          .or(card)
          .first()
          .waitFor();
        await editor.waitForTimeout(300);
      }
      await card.waitFor();
      const marks = await card.locator('mark').allTextContents();
      expect(marks.length > 0, 'no highlighted match in the result');
      expect(
        marks.every((mark) => /^сем/i.test(mark.trim())),
        `highlighted words are not forms of «семья»: ${marks.join(', ')}`,
      );
      await screenshot(editor, '07-practice-search');
    });
    await check('accessibility: practice list', () => accessibility(editor, 'the practice list'));

    await step('a filter goes into the address and keeps the practice', async () => {
      await editor.getByLabel(/^Уровень участия/).selectOption('COLLABORATION_CODESIGN');
      await editor.waitForURL((url) => url.searchParams.get('level') === 'COLLABORATION_CODESIGN');
      await editor.locator('[data-practice-id]').filter({ hasText: PRACTICE.title }).waitFor();
    });

    await step('open the practice page', async () => {
      await editor.getByRole('link', { name: PRACTICE.title }).click();
      await editor.waitForURL((url) => url.pathname === practiceUrl);
      await editor.getByRole('heading', { level: 1, name: PRACTICE.title }).waitFor();
      await editor
        .getByRole('region', { name: 'Проблема и контекст' })
        .locator('strong', { hasText: 'без родителей' })
        .waitFor();
      await editor.getByText('Уровень 3 из 5:').waitFor();
      await editor.getByText('Петля обратной связи замкнута').first().waitFor();
      const results = editor.getByRole('region', { name: 'Результаты' });
      const tiers = await results.locator('[data-tier]').evaluateAll((nodes) => nodes.map((n) => n.dataset.tier));
      expect(tiers.join() === 'OUTPUT,OUTCOME', `indicator tiers in the wrong order: ${tiers.join()}`);
      const evidence = editor.getByRole('link', { name: /Отчёт родительского совета/ });
      expect((await evidence.getAttribute('rel')) === 'noopener noreferrer', 'the evidence link lacks rel');
      expect((await evidence.getAttribute('href')) === PRACTICE.evidenceUrl, 'the evidence link has another address');
      await editor
        .getByRole('region', { name: 'История редакций' })
        .getByText(/Редакция 1 от/)
        .waitFor();
      await screenshot(editor, '08-practice-page');
    });
    await check('accessibility: practice page', () => accessibility(editor, 'the practice page'));
    await editorContext.close();

    await check('no uncaught errors in the page', async () => {
      expect(pageErrors.length === 0, `uncaught page errors:\n${pageErrors.join('\n')}`);
    });
  } finally {
    await browser.close();
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`Screenshots: ${path.relative(process.cwd(), ARTIFACTS) || ARTIFACTS}`);
  log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exit(1);
});
