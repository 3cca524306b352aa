#!/usr/bin/env node
// Browser end-to-end scenario with accessibility checks.
//
// Expects Otklik to be running already at OTKLIK_URL (default http://localhost:4000),
// serving the dashboard, the API and the identity provider. Scenario: an anonymous
// visitor sees the thematic groups; semya.admin signs in through the identity
// provider's login page, joins the OPEN group «Старшее поколение» for fond-semya and
// sees the membership become ACTIVE; axe-core checks every page visited and fails on
// serious or critical violations. Screenshots go to tests/e2e/artifacts/.
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
