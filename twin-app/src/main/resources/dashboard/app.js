// SupplyTwin live dashboard: the supply network by tier, coloured by health H, updated over server-sent events.
(() => {
  "use strict";
  const svgNs = "http://www.w3.org/2000/svg";
  const state = { nodes: new Map(), links: [], views: new Map(), selected: null };
  const $ = (id) => document.getElementById(id);

  const fmt = (v, d = 3) => (v === null || v === undefined || Number.isNaN(v)) ? "–" : Number(v).toFixed(d);
  const money = (v) => (v === null || v === undefined) ? "–" : Number(v).toLocaleString("en", { maximumFractionDigits: 0 });
  const colour = (h) => (h === null || h === undefined) ? "#b8bfcc" : `hsl(${Math.round(120 * Math.max(0, Math.min(1, h)))},65%,44%)`;
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  const recent = (alerts) => alerts && alerts.some((a) => Date.now() - a.time < 10 * 60 * 1000);

  function layout(nodes, links) {
    // columns by tier: tier 2 on the left (two staggered columns), tier 1 in the middle, the core on the right;
    // each tier-2 supplier sits next to the tier-1 customers it serves, so fewer links cross
    const byTier = [[], [], []];
    nodes.forEach((n) => byTier[Math.min(2, n.tier)].push(n));
    const rank = new Map(byTier[1].map((n, i) => [n.id, i]));
    const anchor = (id) => {
      const rs = links.filter((l) => l.supplier === id && rank.has(l.customer)).map((l) => rank.get(l.customer));
      return rs.length ? rs.reduce((a, b) => a + b, 0) / rs.length : 0;
    };
    byTier[2].sort((a, b) => anchor(a.id) - anchor(b.id));
    const pos = new Map();
    const column = (list, x, top, bottom, stagger) => {
      const step = (bottom - top) / Math.max(1, list.length - 1);
      list.forEach((n, i) => pos.set(n.id, { x: x + (stagger && i % 2 ? 70 : 0), y: list.length === 1 ? (top + bottom) / 2 : top + i * step }));
    };
    column(byTier[2], 90, 40, 670, true);
    column(byTier[1], 520, 60, 650, false);
    column(byTier[0], 860, 350, 350, false);
    return pos;
  }

  function draw(network) {
    const pos = layout(network.nodes, network.links);
    const linksG = $("links"), nodesG = $("nodes"), svg = $("network");
    [["tier 2 suppliers", 90], ["tier 1 suppliers", 520], ["core", 860]].forEach(([t, x]) => {
      const label = document.createElementNS(svgNs, "text");
      label.setAttribute("x", x); label.setAttribute("y", 20); label.setAttribute("class", "tierlabel");
      label.setAttribute("text-anchor", "middle"); label.textContent = t; svg.insertBefore(label, linksG);
    });
    network.links.forEach((l) => {
      const a = pos.get(l.supplier), b = pos.get(l.customer);
      if (!a || !b) return;
      const line = document.createElementNS(svgNs, "line");
      line.setAttribute("x1", a.x); line.setAttribute("y1", a.y); line.setAttribute("x2", b.x); line.setAttribute("y2", b.y);
      line.setAttribute("class", "link"); line.dataset.supplier = l.supplier; line.dataset.customer = l.customer;
      linksG.appendChild(line);
    });
    network.nodes.forEach((n) => {
      const p = pos.get(n.id);
      const g = document.createElementNS(svgNs, "g");
      g.setAttribute("class", "node"); g.setAttribute("transform", `translate(${p.x},${p.y})`);
      g.dataset.id = n.id; g.setAttribute("data-testid", "node");
      const r = n.tier === 0 ? 22 : n.tier === 1 ? 13 : 9;
      const c = document.createElementNS(svgNs, "circle");
      c.setAttribute("r", r); c.setAttribute("fill", colour(null));
      const title = document.createElementNS(svgNs, "title");
      c.appendChild(title);
      const t = document.createElementNS(svgNs, "text");
      t.setAttribute("x", r + 4); t.setAttribute("y", 3); t.textContent = n.id;
      const cv = document.createElementNS(svgNs, "text");
      cv.setAttribute("x", r + 4); cv.setAttribute("y", 14); cv.setAttribute("class", "cval");
      g.append(c, t, cv);
      g.addEventListener("click", () => select(n.id));
      nodesG.appendChild(g);
      state.nodes.set(n.id, { node: n, g, circle: c, title, cval: cv });
    });
    $("total").textContent = network.nodes.length;
  }

  function paint(id) {
    const el = state.nodes.get(id), v = state.views.get(id);
    if (!el) return;
    const h = v ? v.h : null;
    el.circle.setAttribute("fill", colour(h));
    el.g.dataset.h = h === null || h === undefined ? "" : String(h);
    el.g.classList.toggle("alert", !!(v && recent(v.alerts)));
    el.cval.textContent = v && v.c !== null && v.c !== undefined ? `H ${fmt(h, 2)} · C ${fmt(v.c, 2)}` : (h !== null && h !== undefined ? `H ${fmt(h, 2)}` : "");
    el.title.textContent = `${el.node.name} (${id})\nH ${fmt(h)}  C ${fmt(v && v.c)}  ${v && v.rateBand ? v.rateBand : ""}`;
  }

  function summary() {
    const vs = [...state.views.values()];
    const hs = vs.map((v) => v.h).filter((h) => h !== null && h !== undefined);
    const cs = vs.map((v) => v.c).filter((c) => c !== null && c !== undefined);
    const mean = (a) => a.length ? a.reduce((s, x) => s + x, 0) / a.length : null;
    $("reporting").textContent = hs.length;
    $("meanH").textContent = fmt(mean(hs));
    $("meanC").textContent = fmt(mean(cs));
    $("alerting").textContent = vs.filter((v) => recent(v.alerts)).length;
    const last = Math.max(0, ...vs.map((v) => Math.max(v.healthTime || 0, v.creditTime || 0)));
    $("updated").textContent = last ? new Date(last).toLocaleTimeString() : "–";
  }

  function merge(list) {
    list.forEach((v) => { state.views.set(v.id, v); paint(v.id); });
    summary();
    if (state.selected && list.some((v) => v.id === state.selected)) renderPanel(state.selected, false);
  }

  async function fetchJson(url) {
    try {
      const r = await fetch(url);
      return r.ok ? await r.json() : null;
    } catch (e) {
      return null;
    }
  }

  function select(id) {
    state.selected = id;
    state.nodes.forEach((el, key) => el.g.classList.toggle("selected", key === id));
    document.querySelectorAll(".link").forEach((l) => l.classList.toggle("hot", l.dataset.supplier === id || l.dataset.customer === id));
    renderPanel(id, true);
  }

  async function renderPanel(id, refetch) {
    const el = state.nodes.get(id), v = state.views.get(id) || {};
    const n = el.node;
    let html = `<h2 data-testid="panel-title">${esc(n.name)}</h2><div class="muted">${esc(id)} · ${esc(n.role)} · ${esc(n.industry)} · monthly revenue ${money(n.monthlyRevenue)}</div>`;
    html += `<h3>Health</h3><dl class="kv"><dt>H</dt><dd data-testid="panel-h">${fmt(v.h)}</dd><dt>as of</dt><dd>${v.healthTime ? new Date(v.healthTime).toLocaleString() : "–"}</dd></dl>`;
    if (v.components && v.components.length) {
      html += `<table><tr><th>key indicator</th><th class="num">value</th><th class="num">weight</th><th>score</th></tr>`;
      v.components.forEach((c) => {
        const s = c.score === null || c.score === undefined ? 0 : c.score;
        html += `<tr><td>${esc(c.label || c.key)}</td><td class="num">${fmt(c.value, 2)}</td><td class="num">${fmt(c.weight, 3)}</td>` +
          `<td><div class="bar"><span style="width:${Math.round(100 * s)}%;background:${colour(c.score)}"></span></div></td></tr>`;
      });
      html += `</table>`;
    }
    html += `<h3>Credit</h3><dl class="kv"><dt>C</dt><dd data-testid="panel-c">${fmt(v.c)}</dd><dt>band</dt><dd>${v.rateBand ? `<span class="band ${esc(v.rateBand)}">${esc(v.rateBand)}</span>` : "–"}</dd>` +
      `<dt>rate</dt><dd>${v.rate !== null && v.rate !== undefined ? fmt(v.rate, 2) + " %" : "–"}</dd><dt>limit Lmax</dt><dd>${money(v.lmax)}</dd><dt>risk P from</dt><dd>${esc(v.pSource || "–")}</dd></dl>`;
    html += `<div id="explanation"></div>`;
    const fc = v.forecasts || {};
    if (Object.keys(fc).length) {
      const why = (f) => (f.contributors || []).map((c) => `${esc(c.feature)} ${c.value >= 0 ? "+" : ""}${fmt(c.value, 2)}`).join(", ");
      const row = (label, f, text) => f ? `<tr><td>${label}</td><td>${text}</td><td class="muted">${esc(f.model)}${f.contributors ? " · " + why(f) : ""}</td></tr>` : "";
      html += `<h3>Forecast</h3><table data-testid="panel-forecast">` +
        row("demand, next 7 days", fc.DEMAND, fc.DEMAND ? (fc.DEMAND.values || []).map((x) => fmt(x, 0)).join(" ") : "") +
        row("recommended order", fc.ORDERS, fc.ORDERS ? fmt((fc.ORDERS.values || [])[0], 0) + " units" : "") +
        row("risk P (30 days)", fc.RISK, fc.RISK ? fmt(fc.RISK.probability) : "") +
        row("machine fault (48 h)", fc.EQUIPMENT_FAULT, fc.EQUIPMENT_FAULT ? esc(fc.EQUIPMENT_FAULT.entityId) + " P = " + fmt(fc.EQUIPMENT_FAULT.probability) : "") +
        `</table>`;
    } else {
      html += `<h3>Forecast</h3><div class="muted">none yet: the scorer needs 15 closed days of this enterprise (30 for P)</div>`;
    }
    if (v.alerts && v.alerts.length) {
      html += `<h3>Recent alerts</h3>` + v.alerts.map((a) => `<div class="alertitem"><b>${esc(a.severity)}</b> ${esc(a.message)}<div class="muted">${new Date(a.time).toLocaleString()}</div></div>`).join("");
    }
    html += `<div id="twin"></div>`;
    $("panel").innerHTML = html;
    if (!refetch && state.panelExtras && state.panelExtras.id === id) {
      $("explanation").innerHTML = state.panelExtras.explanation;
      $("twin").innerHTML = state.panelExtras.twin;
      return;
    }
    const [credit, twin] = await Promise.all([fetchJson(`/api/enterprises/${encodeURIComponent(id)}/credit`), fetchJson(`/api/twins/${encodeURIComponent(id)}`)]);
    if (state.selected !== id) return;
    let explanation = "";
    if (credit && Array.isArray(credit.explanation) && credit.explanation.length) {
      explanation = `<h3>Why this credit</h3><table>` + credit.explanation.map((e) => `<tr><td>${esc(e.sentence || e.text || e.factor)}</td></tr>`).join("") + `</table>`;
    }
    let twinHtml = "";
    const indicators = twin && (twin.indicators || twin.values);
    if (indicators) {
      const rows = Array.isArray(indicators) ? indicators : Object.entries(indicators).map(([k, x]) => ({ id: k, ...(typeof x === "object" ? x : { value: x }) }));
      twinHtml = `<h3>Twin (${rows.length} indicators)</h3><table><tr><th>indicator</th><th class="num">value</th><th>unit</th></tr>` +
        rows.map((r) => `<tr><td title="${esc(r.id)}">${esc(r.name || r.id)}</td><td class="num">${fmt(r.value, 2)}</td><td>${esc(r.unit || "")}</td></tr>`).join("") + `</table>`;
    } else {
      twinHtml = `<h3>Twin</h3><div class="muted">no twin state served for ${esc(id)} yet</div>`;
    }
    state.panelExtras = { id, explanation, twin: twinHtml };
    $("explanation").innerHTML = explanation;
    $("twin").innerHTML = twinHtml;
  }

  function connect() {
    const es = new EventSource("/api/dashboard/events");
    es.addEventListener("open", () => { $("conn").className = "conn up"; });
    es.addEventListener("error", () => { $("conn").className = "conn down"; });
    es.addEventListener("enterprises", (e) => merge(JSON.parse(e.data)));
  }

  fetchJson("/api/dashboard/network").then((network) => {
    if (!network) { $("panel").innerHTML = `<p class="hint">Could not load the network.</p>`; return; }
    draw(network);
    connect();
  });
})();
