// Policy stance dashboard: vanilla JS, no dependencies.
// Every piece of data reaches the page through textContent / createTextNode / numeric SVG
// attributes: never innerHTML, so article text shows as text whatever it holds.
"use strict";

(() => {
  const SVG = "http://www.w3.org/2000/svg";
  const FEED_MAX = 150;
  // Series colours: none of them the green or red of support and oppose.
  const PALETTE = ["#2f6fed", "#8e44ad", "#e08a00", "#0e9aa7", "#c2185b", "#5d6d7e", "#8d6e63", "#7c8b2d"];

  const model = {
    overview: { seq: 0, companies: 0, events: 0, articles: 0, unit: "hour" },
    companies: new Map(),   // id -> summary
    feed: [],               // events, newest first
    feedIds: new Set(),
    selected: [],           // company ids in the chart, in the order picked
    userPicked: false,
    sort: { key: "events", dir: "desc" },
    filterName: "",
    filterRegulation: "",
    flash: new Set(),       // company ids changed by the last update
    freshEvents: new Set(),
  };

  // ---- small DOM helpers -------------------------------------------------------------------

  const $ = (sel) => document.querySelector(sel);

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === "class") node.className = value;
        else if (key === "text") node.textContent = value;
        else if (key === "dataset") Object.assign(node.dataset, value);
        else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, value === true ? "" : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) if (child) node.append(child);
    return node;
  }

  const fmtScore = (s) => (s > 0 ? "+" : s < 0 ? "−" : "") + Math.abs(s).toFixed(2);
  const fmtInt = (n) => Number(n || 0).toLocaleString("en-US");
  const plural = (n, word) => `${fmtInt(n)} ${word}${n === 1 ? "" : "s"}`;

  function fmtTime(iso, withDate) {
    if (!iso) return "";
    const d = new Date(iso);
    const opts = withDate
      ? { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }
      : { hour: "2-digit", minute: "2-digit", second: "2-digit" };
    const sameDay = new Date().toDateString() === d.toDateString();
    return d.toLocaleString("en-GB", sameDay || withDate ? opts : { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  }

  const companyHref = (id) => "#/company/" + encodeURIComponent(id);
  const articleHref = (id) => "#/article/" + encodeURIComponent(id);

  function badge(stance) {
    return el("span", { class: "badge " + stance, text: stance });
  }

  // The statement text with every cue phrase wrapped in <mark> (case-insensitive, longest
  // first, no overlaps), built from text nodes only.
  function quote(text, cues, tag) {
    const node = el(tag || "p", { class: "quote" });
    const lower = text.toLowerCase();
    const spans = [];
    const phrases = [...new Set((cues || []).map((c) => String(c).trim()).filter(Boolean))]
      .sort((a, b) => b.length - a.length);
    for (const phrase of phrases) {
      const needle = phrase.toLowerCase();
      let from = 0;
      for (;;) {
        const at = lower.indexOf(needle, from);
        if (at < 0) break;
        const end = at + needle.length;
        if (!spans.some(([s, e]) => at < e && end > s)) spans.push([at, end]);
        from = end;
      }
    }
    spans.sort((a, b) => a[0] - b[0]);
    let pos = 0;
    for (const [start, end] of spans) {
      if (start > pos) node.append(document.createTextNode(text.slice(pos, start)));
      node.append(el("mark", { text: text.slice(start, end) }));
      pos = end;
    }
    if (pos < text.length) node.append(document.createTextNode(text.slice(pos)));
    return node;
  }

  // ---- data ----------------------------------------------------------------------------------

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    return response.json();
  }

  async function loadSnapshot() {
    const [companies, events] = await Promise.all([getJSON("/api/companies"), getJSON("/api/events?limit=" + FEED_MAX)]);
    model.companies = new Map(companies.companies.map((c) => [c.id, c]));
    model.overview = companies.overview;
    model.feed = [];
    model.feedIds = new Set();
    addToFeed(events.events.slice().reverse(), false);
    model.selected = model.selected.filter((id) => model.companies.has(id));
    return companies.overview.seq;
  }

  function addToFeed(eventsOldestFirst, fresh) {
    for (const ev of eventsOldestFirst) {
      if (model.feedIds.has(ev.event_id)) continue;
      model.feed.unshift(ev);
      model.feedIds.add(ev.event_id);
      if (fresh) model.freshEvents.add(ev.event_id);
    }
    model.feed.sort((a, b) => b.seq - a.seq);
    while (model.feed.length > FEED_MAX) model.feedIds.delete(model.feed.pop().event_id);
  }

  function applyUpdate(update) {
    model.overview = update.overview;
    for (const id of update.gone) {
      model.companies.delete(id);
      model.selected = model.selected.filter((s) => s !== id);
    }
    for (const company of update.companies) {
      model.companies.set(company.id, company);
      model.flash.add(company.id);
    }
    if (update.removed.length) {
      const removed = new Set(update.removed);
      model.feed = model.feed.filter((ev) => !removed.has(ev.event_id));
      for (const id of removed) model.feedIds.delete(id);
    }
    addToFeed(update.events, true);
    // Companies whose set of units changed get a consistent trend only after a reload.
    return update.companies.map((c) => c.id);
  }

  // ---- live stream ---------------------------------------------------------------------------

  let source = null;
  let loading = null;   // updates received while a snapshot loads
  let pendingRender = false;

  function setLive(state, text) {
    $("#live").dataset.state = state;
    $("#live-text").textContent = text;
  }

  function connect() {
    if (source) source.close();
    source = new EventSource("/api/stream");
    source.addEventListener("hello", async () => {
      setLive("live", "Live");
      loading = [];
      try {
        const seq = await loadSnapshot();
        for (const update of loading) if (update.overview.seq > seq) applyUpdate(update);
      } catch (err) {
        setLive("offline", "Load failed");
      } finally {
        loading = null;
        scheduleRender(true);
      }
    });
    source.addEventListener("update", (message) => {
      const update = JSON.parse(message.data);
      if (loading) { loading.push(update); return; }
      const unitChanged = update.overview.unit !== model.overview.unit;
      const changed = applyUpdate(update);
      if (unitChanged) { connect(); return; }   // trends of all companies change bucket size
      scheduleRender(false, changed, update);
    });
    source.addEventListener("resync", () => { source.close(); setTimeout(connect, 500); });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 2000);
      setLive("connecting", "Reconnecting…");
    };
  }

  function scheduleRender(all, changedCompanies, update) {
    if (update) refreshDrawerFor(update);
    if (pendingRender) return;
    pendingRender = true;
    requestAnimationFrame(() => {
      pendingRender = false;
      render();
    });
  }

  // ---- rendering -----------------------------------------------------------------------------

  function render() {
    renderTotals();
    renderRegulationOptions();
    renderTable();
    renderChart();
    renderFeed();
    model.flash.clear();
    model.freshEvents.clear();
  }

  function renderTotals() {
    $("#total-companies").textContent = fmtInt(model.overview.companies);
    $("#total-articles").textContent = fmtInt(model.overview.articles);
    $("#total-events").textContent = fmtInt(model.overview.events);
  }

  function renderRegulationOptions() {
    const select = $("#filter-regulation");
    const topics = new Set();
    for (const c of model.companies.values()) for (const r of Object.keys(c.regulations)) topics.add(r);
    const wanted = ["", ...[...topics].sort((a, b) => a.localeCompare(b))];
    const have = [...select.options].map((o) => o.value);
    if (wanted.join("\u0000") === have.join("\u0000")) return;
    const current = select.value;
    select.replaceChildren(...wanted.map((t) => el("option", { value: t, text: t || "All regulation topics" })));
    select.value = wanted.includes(current) ? current : "";
    model.filterRegulation = select.value;
  }

  function visibleCompanies() {
    const needle = model.filterName.trim().toLowerCase();
    const topic = model.filterRegulation;
    const rows = [...model.companies.values()].filter((c) => {
      if (topic && !(topic in c.regulations)) return false;
      if (!needle) return true;
      return [c.name, c.id, ...(c.aliases || [])].some((n) => String(n).toLowerCase().includes(needle));
    });
    const { key, dir } = model.sort;
    const sign = dir === "asc" ? 1 : -1;
    const value = (c) => key === "name" ? c.name.toLowerCase()
      : key === "regulations" ? Object.keys(c.regulations).sort().join(",").toLowerCase()
      : c[key];
    rows.sort((a, b) => {
      const va = value(a), vb = value(b);
      if (va < vb) return -sign;
      if (va > vb) return sign;
      return b.events - a.events || a.name.localeCompare(b.name);
    });
    return rows;
  }

  function scoreCell(score) {
    const width = Math.min(Math.abs(score), 1) * 50;
    const bar = el("span", { class: "score-bar" });
    if (score !== 0) {
      const fill = el("span", { class: score > 0 ? "pos" : "neg" });
      fill.style.width = width + "%";
      bar.append(fill);
    }
    return el("span", { class: "score" }, el("span", { class: "score-value", text: fmtScore(score) }), bar);
  }

  function sparkline(points, stance) {
    const w = 84, h = 28, pad = 3;
    const node = svg("svg", { class: "spark", viewBox: `0 0 ${w} ${h}`, "aria-hidden": "true" });
    const y = (s) => pad + (1 - (Math.max(-1, Math.min(1, s)) + 1) / 2) * (h - 2 * pad);
    node.append(svg("line", { x1: 0, x2: w, y1: y(0), y2: y(0), stroke: "#d5dbe5", "stroke-dasharray": "2 2" }));
    const color = stance === "support" ? "#15935b" : stance === "oppose" ? "#d0423f" : "#7a8599";
    if (!points.length) return node;
    if (points.length === 1) {
      node.append(svg("line", { x1: pad, x2: w - pad, y1: y(points[0][1]), y2: y(points[0][1]), stroke: color, "stroke-width": 1.2, opacity: 0.35 }));
      node.append(svg("circle", { cx: w - pad - 1, cy: y(points[0][1]), r: 2.6, fill: color }));
      return node;
    }
    const t0 = Date.parse(points[0][0]), t1 = Date.parse(points[points.length - 1][0]);
    const x = (t) => pad + ((Date.parse(t) - t0) / Math.max(t1 - t0, 1)) * (w - 2 * pad);
    const d = points.map((p, i) => (i ? "L" : "M") + x(p[0]).toFixed(1) + " " + y(p[1]).toFixed(1)).join(" ");
    node.append(svg("path", { d, fill: "none", stroke: color, "stroke-width": 1.6, "stroke-linejoin": "round" }));
    const last = points[points.length - 1];
    node.append(svg("circle", { cx: x(last[0]), cy: y(last[1]), r: 2.4, fill: color }));
    return node;
  }

  function regulationChips(regulations, max = 1) {
    const names = Object.keys(regulations);
    const chips = el("span", { class: "chips" });
    for (const name of names.slice(0, max)) chips.append(el("span", { class: "chip", title: `${regulations[name]} statements`, text: name }));
    if (names.length > max) chips.append(el("span", { class: "chip more", title: names.slice(max).join(", "), text: `+${names.length - max}` }));
    if (!names.length) chips.append(el("span", { class: "chip more", text: "—" }));
    return chips;
  }

  function renderTable() {
    const rows = visibleCompanies();
    const tbody = $("#companies tbody");
    tbody.replaceChildren(...rows.map((c) => {
      const checkbox = el("input", {
        type: "checkbox", "aria-label": "Show " + c.name + " in the chart",
        checked: model.selected.includes(c.id),
        onchange: (e) => togglePick(c.id, e.target.checked),
      });
      const count = (kind) => el("td", { class: `num count ${kind}${c[kind] ? " nz" : ""}`, text: fmtInt(c[kind]) });
      return el("tr", { dataset: { companyId: c.id }, class: model.flash.has(c.id) ? "flash" : null },
        el("td", { class: "col-pick" }, checkbox),
        el("td", { class: "c-name" },
          el("a", { href: companyHref(c.id), text: c.name }),
          el("span", { class: "sub", text: plural(c.articles, "article") })),
        el("td", { class: "num c-score", dataset: { stance: c.stance } }, el("span", { class: "c-stance" }, badge(c.stance)), " ", scoreCell(c.score)),
        el("td", { class: "num c-events", text: fmtInt(c.events) }),
        count("support"), count("oppose"), count("neutral"),
        el("td", { class: "col-trend" }, sparkline(c.trend, c.stance)),
        el("td", { class: "c-regulations" }, regulationChips(c.regulations)));
    }));
    $("#companies-empty").hidden = rows.length > 0;
    $("#companies-empty").textContent = model.companies.size ? "No company matches the filters." : "Waiting for stance events…";
    for (const th of document.querySelectorAll("#companies th.sortable")) {
      th.classList.toggle("sorted-asc", th.dataset.sort === model.sort.key && model.sort.dir === "asc");
      th.classList.toggle("sorted-desc", th.dataset.sort === model.sort.key && model.sort.dir === "desc");
    }
  }

  function togglePick(id, on) {
    model.userPicked = true;
    model.selected = model.selected.filter((s) => s !== id);
    if (on) model.selected.push(id);
    render();
  }

  function chartCompanies() {
    if (!model.userPicked) {
      // Until someone picks, show the scored companies with the most statements.
      model.selected = [...model.companies.values()].filter((c) => c.trend.length)
        .sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)).slice(0, 4).map((c) => c.id);
    }
    return model.selected.map((id) => model.companies.get(id)).filter(Boolean);
  }

  // A chart colour per company: its place in the selection, so that picked companies differ.
  const colorOf = (id) => PALETTE[Math.max(model.selected.indexOf(id), 0) % PALETTE.length];

  // A line chart of the running score of each series on a shared time axis.
  function lineChart(container, series, height) {
    const width = Math.max(container.clientWidth || 600, 320);
    const m = { top: 14, right: 18, bottom: 28, left: 64 };
    const node = svg("svg", { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none" });
    const iw = width - m.left - m.right, ih = height - m.top - m.bottom;
    const y = (s) => m.top + (1 - (Math.max(-1, Math.min(1, s)) + 1) / 2) * ih;
    const times = series.flatMap((s) => s.points.map((p) => Date.parse(p[0])));
    let t0 = Math.min(...times), t1 = Math.max(...times);
    if (!times.length) { t0 = Date.now() - 3600e3; t1 = Date.now(); }
    if (t1 - t0 < 3600e3) { t0 -= 1800e3; t1 += 1800e3; }
    const x = (t) => m.left + ((t - t0) / (t1 - t0)) * iw;

    node.append(svg("rect", { class: "band-support", x: m.left, y: y(1), width: iw, height: y(0) - y(1) }));
    node.append(svg("rect", { class: "band-oppose", x: m.left, y: y(0), width: iw, height: y(-1) - y(0) }));
    for (const v of [-1, -0.5, 0.5, 1]) node.append(svg("line", { class: "grid", x1: m.left, x2: m.left + iw, y1: y(v), y2: y(v) }));
    node.append(svg("line", { class: "zero", x1: m.left, x2: m.left + iw, y1: y(0), y2: y(0) }));
    for (const v of [-1, -0.5, 0, 0.5, 1]) {
      node.append(svg("text", { class: "axis-label", x: m.left - 8, y: y(v) + 4, "text-anchor": "end", text: v > 0 ? "+" + v : String(v) }));
    }
    // The halves' names, vertical in the left margin, clear of the data.
    for (const [label, at, fill] of [["Support", y(0.5), "#15935b"], ["Oppose", y(-0.5), "#d0423f"]]) {
      node.append(svg("text", { class: "band-label", x: 0, y: 0, fill, "text-anchor": "middle",
        transform: `translate(14 ${at.toFixed(1)}) rotate(-90)`, text: label }));
    }
    const ticks = Math.max(2, Math.min(6, Math.floor(iw / 130)));
    const span = t1 - t0;
    for (let i = 0; i <= ticks; i++) {
      const t = t0 + (span * i) / ticks;
      const label = new Date(t).toLocaleString("en-GB", span > 300 * 86400e3 ? { month: "short", year: "numeric" }
        : span > 2 * 86400e3 ? { month: "short", day: "numeric" } : { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
      node.append(svg("text", { class: "axis-label", x: x(t), y: height - 8, "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle", text: label }));
    }
    for (const s of series) {
      const pts = s.points.map((p) => [x(Date.parse(p[0])), y(p[1]), p]);
      if (pts.length > 1) {
        node.append(svg("path", { class: "series", stroke: s.color, d: pts.map((p, i) => (i ? "L" : "M") + p[0].toFixed(1) + " " + p[1].toFixed(1)).join(" ") }));
      }
      for (const [px, py, p] of pts) {
        node.append(svg("circle", { cx: px, cy: py, r: pts.length > 40 ? 2 : 4, fill: "#fff", stroke: s.color, "stroke-width": 2 },
          svg("title", { text: `${s.name}: ${fmtScore(p[1])} (${fmtTime(p[0], true)})` })));
      }
    }
    if (!series.length) {
      node.append(svg("text", { class: "axis-label", x: m.left + iw / 2, y: m.top + ih / 2, "text-anchor": "middle", text: "Tick companies in the table to chart them" }));
    }
    container.replaceChildren(node);
  }

  function renderChart() {
    const companies = chartCompanies();
    const series = companies.map((c) => ({ name: c.name, color: colorOf(c.id), points: c.trend }));
    lineChart($("#chart"), series, 280);
    $("#chart-legend").replaceChildren(...companies.map((c) => el("a", {
      class: "key", href: companyHref(c.id), title: "Open " + c.name,
    }, el("i", { "aria-hidden": "true" }), c.name)));
    const keys = $("#chart-legend").querySelectorAll(".key i");
    companies.forEach((c, i) => { keys[i].style.background = colorOf(c.id); });
  }

  function feedItem(ev, opts = {}) {
    return el("li", { class: "feed-item" + (model.freshEvents.has(ev.event_id) ? " fresh" : ""), dataset: { eventId: ev.event_id, companyId: ev.company_id } },
      el("div", { class: "feed-meta" },
        el("a", { class: "feed-company", href: companyHref(ev.company_id), text: ev.company_name }),
        badge(ev.stance),
        el("span", { class: "feed-score", text: fmtScore(ev.stance_score) }),
        el("time", { class: "feed-time", datetime: ev.received_at, title: "published " + (ev.published_at || "—"), text: fmtTime(ev.received_at) })),
      ev.speaker ? el("div", { class: "feed-speaker" }, "— ", el("span", { class: "speaker", text: ev.speaker }), ` (${ev.role})`)
        : el("div", { class: "feed-speaker", text: ev.role === "subject" ? "about the company" : "mentioned" }),
      quote(ev.text, ev.cues, "blockquote"),
      el("div", { class: "feed-foot" },
        opts.noArticleLink ? null : el("a", { class: "article-link", href: articleHref(ev.article_id), title: "All statements of this article", text: "article " + ev.article_id }),
        ev.regulation ? el("span", { text: "on " + ev.regulation }) : null,
        el("span", { text: `confidence ${Math.round(ev.confidence * 100)}%` })));
  }

  function renderFeed() {
    const items = model.feed.slice(0, FEED_MAX);
    $("#feed").replaceChildren(...items.map((ev) => feedItem(ev)));
    $("#feed-empty").hidden = items.length > 0;
  }

  // ---- drawer: company and article views --------------------------------------------------

  const drawer = { kind: null, id: null, timer: null };

  function route() {
    const match = location.hash.match(/^#\/(company|article)\/(.+)$/);
    if (!match) return closeDrawer();
    drawer.kind = match[1];
    drawer.id = decodeURIComponent(match[2]);
    $("#drawer").hidden = false;
    $("#drawer-backdrop").hidden = false;
    loadDrawer();
  }

  function closeDrawer() {
    drawer.kind = drawer.id = null;
    $("#drawer").hidden = true;
    $("#drawer-backdrop").hidden = true;
  }

  function refreshDrawerFor(update) {
    if (!drawer.kind) return;
    const hit = drawer.kind === "company"
      ? update.companies.some((c) => c.id === drawer.id) || update.gone.includes(drawer.id)
      : update.events.some((e) => e.article_id === drawer.id) || update.removed.length > 0;
    if (!hit) return;
    clearTimeout(drawer.timer);
    drawer.timer = setTimeout(loadDrawer, 300);
  }

  async function loadDrawer() {
    const { kind, id } = drawer;
    const body = $("#drawer-body");
    $("#drawer-kind").textContent = kind === "company" ? "Company" : "Article";
    try {
      if (kind === "company") {
        const response = await fetch("/api/companies/" + encodeURIComponent(id));
        if (drawer.kind !== kind || drawer.id !== id) return;
        if (response.status === 404) {
          $("#drawer-title").textContent = id;
          body.replaceChildren(el("p", { class: "empty", text: "No current statements for this company." }));
          return;
        }
        renderCompany(await response.json());
      } else {
        const data = await getJSON("/api/events?limit=1000&article=" + encodeURIComponent(id));
        if (drawer.kind !== kind || drawer.id !== id) return;
        renderArticle(id, data.events);
      }
    } catch (err) {
      body.replaceChildren(el("p", { class: "empty", text: "Could not load: " + err.message }));
    }
  }

  function stat(label, value, cls) {
    return el("div", { class: "stat" }, el("div", { class: "label", text: label }), el("div", { class: "value " + (cls || ""), text: value }));
  }

  function statement(ev) {
    return el("div", { class: "statement", dataset: { eventId: ev.event_id } },
      el("div", { class: "facts" },
        badge(ev.stance),
        el("span", { text: fmtScore(ev.stance_score) }),
        el("span", { text: "· " + ev.role }),
        ev.speaker ? el("span", { text: "· " + ev.speaker }) : null,
        ev.regulation ? el("span", { text: "· on " + ev.regulation }) : null,
        el("span", { text: `· confidence ${Math.round(ev.confidence * 100)}%` })),
      quote(ev.text, ev.cues),
      ev.cues && ev.cues.length
        ? el("div", { class: "evidence" }, "Evidence: ", ...ev.cues.map((c) => el("span", { class: "chip", text: c })))
        : null);
  }

  function renderCompany(c) {
    $("#drawer-title").textContent = c.name;
    const chart = el("div", { class: "chart" });
    const body = $("#drawer-body");
    body.replaceChildren(
      el("div", { class: "stats" },
        stat("Stance", c.stance, "badge " + c.stance),
        stat("Score", fmtScore(c.score)),
        stat("Support", fmtInt(c.support)),
        stat("Oppose", fmtInt(c.oppose)),
        stat("Neutral", fmtInt(c.neutral))),
      Object.keys(c.regulations).length
        ? el("div", null, el("span", { class: "section-title", text: "Regulation topics " }), regulationChips(c.regulations, Infinity)) : null,
      chart,
      el("h3", { class: "section-title", text: `Statements by article (${fmtInt(c.events)})` }),
      ...c.articles.map((a) => el("section", { class: "article", dataset: { articleId: a.article_id } },
        el("div", { class: "article-head" },
          el("a", { class: "id", href: articleHref(a.article_id), text: "Article " + a.article_id }),
          el("span", { class: "when", text: a.published_at ? "published " + fmtTime(a.published_at, true) : "" })),
        ...a.events.map((ev) => statement(ev)))),
      c.truncated ? el("p", { class: "hint", text: "Older statements are not shown." }) : null);
    lineChart(chart, [{ name: c.name, color: colorOf(c.id), points: c.trend }], 200);
  }

  // One block per statement of the article: its text once (all cues marked), then the
  // stance of each company in it.
  function renderArticle(id, events) {
    $("#drawer-title").textContent = id;
    const body = $("#drawer-body");
    if (!events.length) {
      body.replaceChildren(el("p", { class: "empty", text: "No current statements for this article." }));
      return;
    }
    events.sort((a, b) => a.statement_index - b.statement_index || a.company_name.localeCompare(b.company_name));
    const statements = new Map();
    for (const ev of events) {
      if (!statements.has(ev.statement_id)) statements.set(ev.statement_id, []);
      statements.get(ev.statement_id).push(ev);
    }
    const count = (stance) => fmtInt(events.filter((e) => e.stance === stance).length);
    body.replaceChildren(
      el("div", { class: "stats" },
        stat("Statements", fmtInt(statements.size)),
        stat("Companies", fmtInt(new Set(events.map((e) => e.company_id)).size)),
        stat("Support", count("support")), stat("Oppose", count("oppose")), stat("Neutral", count("neutral"))),
      el("section", { class: "article" },
        el("div", { class: "article-head" },
          el("span", { class: "id", text: "Version " + events[0].content_hash }),
          el("span", { class: "when", text: events[0].published_at ? "published " + fmtTime(events[0].published_at, true) : "" })),
        ...[...statements.values()].map((group) => el("div", { class: "statement", dataset: { statementId: group[0].statement_id } },
          quote(group[0].text, group.flatMap((ev) => ev.cues)),
          el("div", { class: "who" }, ...group.map((ev) => el("div", { class: "facts", dataset: { eventId: ev.event_id } },
            el("a", { class: "feed-company", href: companyHref(ev.company_id), text: ev.company_name }),
            badge(ev.stance),
            el("span", { text: fmtScore(ev.stance_score) }),
            el("span", { text: "· " + ev.role }),
            ev.speaker ? el("span", { text: "· " + ev.speaker }) : null,
            ev.regulation ? el("span", { text: "· on " + ev.regulation }) : null,
            el("span", { text: `· confidence ${Math.round(ev.confidence * 100)}%` }),
            ev.cues.length ? el("span", { text: "· evidence: " + ev.cues.join(", ") }) : null)))))));
  }

  // ---- wiring --------------------------------------------------------------------------------

  function init() {
    $("#filter-name").addEventListener("input", (e) => { model.filterName = e.target.value; renderTable(); });
    $("#filter-regulation").addEventListener("change", (e) => { model.filterRegulation = e.target.value; renderTable(); });
    for (const th of document.querySelectorAll("#companies th.sortable")) {
      th.addEventListener("click", () => {
        const key = th.dataset.sort;
        model.sort = model.sort.key === key
          ? { key, dir: model.sort.dir === "asc" ? "desc" : "asc" }
          : { key, dir: key === "name" || key === "regulations" ? "asc" : "desc" };
        renderTable();
      });
    }
    $("#drawer-close").addEventListener("click", (e) => { e.preventDefault(); history.pushState(null, "", location.pathname); route(); });
    $("#drawer-backdrop").addEventListener("click", () => { history.pushState(null, "", location.pathname); route(); });
    document.addEventListener("keydown", (e) => { if (e.key === "Escape" && drawer.kind) { history.pushState(null, "", location.pathname); route(); } });
    window.addEventListener("hashchange", route);
    let resizeTimer = null;
    window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(renderChart, 150); });
    render();
    route();
    connect();
  }

  document.addEventListener("DOMContentLoaded", init);
})();
