import type { Page } from 'playwright-core';
import type { RunningRuntime } from './start-runtime';

/** Waits until the runtime has logged the end of its demo seed (it serves requests before that). */
export async function waitForDemoSeed(rt: RunningRuntime): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (!/demo data from|demo seeding failed/.test(rt.output())) {
    if (Date.now() > deadline) throw new Error(`demo seed did not finish:\n${rt.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** An access token for a demo account (password demo1234), for API calls beside the browser. */
export async function token(rt: RunningRuntime, username: string): Promise<string> {
  const res = await fetch(`${rt.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Signs a demo account in to the runtime at `url` and waits for the app's navigation. */
export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo1234');
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-nav=entity-customer]');
}

/** Signs a demo account in to the studio at `url` and waits for its app list. */
export async function signInStudio(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/studio/`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', 'demo1234');
  await page.click('button[type="submit"]');
  await page.locator('[data-app]').first().waitFor();
}
