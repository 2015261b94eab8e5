// Opens the live dashboard in headless Chromium and checks what a user would see:
// the page loads, the network shows every enterprise, and a node's health changes when new data arrives.
// Usage: node dashboard-check.mjs <dashboard-url> <enterprise-id> <expected-node-count> <trigger-url>
// Once the enterprise shows a health value, the trigger URL is called (POST, body from $TRIGGER_BODY) so that new
// readings change it; the check passes when the page shows a different value.
import { chromium } from "playwright-core";

const [url, enterpriseId, expectedNodes, triggerUrl] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const fail = async (msg) => { console.error("FAIL " + msg); await browser.close(); process.exit(1); };
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="node"]').length >= n, Number(expectedNodes), { timeout: 20000 });
  const count = await page.locator('[data-testid="node"]').count();
  console.log("nodes " + count);
  if (count !== Number(expectedNodes)) await fail(`expected ${expectedNodes} nodes, saw ${count}`);
  await page.waitForSelector("#conn.up", { timeout: 20000 });
  const node = page.locator(`[data-testid="node"][data-id="${enterpriseId}"]`);
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid="node"][data-id="${id}"]`);
    return el && el.dataset.h;
  }, enterpriseId, { timeout: 120000 });
  const before = await node.getAttribute("data-h");
  console.log("h before " + before);
  const res = await fetch(triggerUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: process.env.TRIGGER_BODY || "{}" });
  if (!res.ok) await fail("trigger answered " + res.status);
  await page.waitForFunction(([id, b]) => {
    const el = document.querySelector(`[data-testid="node"][data-id="${id}"]`);
    return el && el.dataset.h !== "" && el.dataset.h !== b;
  }, [enterpriseId, before], { timeout: 120000 });
  const after = await node.getAttribute("data-h");
  console.log("h after " + after);
  await node.locator("circle").click();
  await page.waitForSelector('[data-testid="panel-title"]', { timeout: 5000 });
  const panelH = await page.locator('[data-testid="panel-h"]').textContent();
  console.log("panel h " + panelH);
  if (errors.length) await fail("page errors: " + errors.join("; "));
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  console.log("OK");
} catch (e) {
  await fail(String(e));
}
await browser.close();
