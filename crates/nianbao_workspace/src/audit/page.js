"use strict";
// Draws the audit page from the JSON in #audit-data: counts, charts (inline
// SVG), the sortable and filterable table of reports, and the roll-up.
// Everything is built here from that data; the page loads nothing else.
(function () {
  const data = JSON.parse(document.getElementById("audit-data").textContent);
  const SVG_NS = "http://www.w3.org/2000/svg";
  const LEVELS = { department: "部门", government: "本级政府", township: "乡镇/街道" };
  const COLORS = { error: "#c62828", warning: "#ef6c00", info: "#1565c0" };
  const SEVERITY = { error: "错误", warning: "警告", info: "提示" };
  const RANK = { error: 0, warning: 1, info: 2 };
  // Year-by-year charts: applications, then reviews and lawsuits (an order
  // of magnitude fewer, so on a scale of their own).
  const SERIES = [
    ["received", "新收申请", "#1565c0"],
    ["results_total", "办理结果总计", "#2e7d32"],
    ["review_total", "行政复议", "#ef6c00"],
    ["litigation_total", "行政诉讼", "#6a1b9a"],
  ];
  const PANELS = [["申请 applications", SERIES.slice(0, 2)], ["复议·诉讼 reviews, lawsuits", SERIES.slice(2)]];

  /** An element with attributes and children (strings become text). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAll(node, attrs, children);
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAll(node, attrs, children);
    return node;
  }
  function setAll(node, attrs, children) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value);
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined) node.append(child);
    }
  }
  const number = (value) => (value === null || value === undefined ? "—" : Number.isInteger(value) ? String(value) : value.toFixed(2));
  const name = (report) => report.agency || report.path;
  // A chart's label: the agency, else the file's own name (not a folder's start).
  const chartName = (report) => report.agency || report.path.split(/[\\/]/).pop();
  // About how wide a label is drawn at 11px: Chinese characters are square, others narrower.
  const textWidth = (text) => [...text].reduce((sum, c) => sum + (c.codePointAt(0) > 0x2e80 ? 11 : 6.2), 0);
  // The label cut to `width`, with … where it was cut.
  const fit = (text, width) => {
    if (textWidth(text) <= width) return text;
    let cut = "";
    for (const c of text) {
      if (textWidth(cut + c + "…") > width) break;
      cut += c;
    }
    return cut + "…";
  };

  document.getElementById("generator").textContent = data.generator;

  // ---- Summary ----------------------------------------------------------
  function drawSummary() {
    const s = data.summary;
    const stats = [
      ["reports", "已审报告 reports", s.reports, ""],
      ["files", "文件 files", s.files, ""],
      ["with-errors", "有错误的报告 with errors", s.with_errors, s.with_errors ? "bad" : ""],
      ["errors", "错误 errors", s.errors, s.errors ? "bad" : ""],
      ["warnings", "警告 warnings", s.warnings, s.warnings ? "warn" : ""],
      ["infos", "提示 infos", s.infos, ""],
      ["late", "逾期发布 late", s.late, s.late ? "bad" : ""],
      ["unreadable", "无法读取 not read", s.unreadable, s.unreadable ? "bad" : ""],
    ];
    document.getElementById("stats").append(
      ...stats.map(([key, label, value, tone]) =>
        el("div", { class: "stat " + tone, "data-count": key }, el("b", {}, String(value)), el("span", {}, label)))
    );
    // Said once: files that hold a report another file holds.
    if (s.copies) {
      document.getElementById("families").before(el("p", { id: "copies-note", "data-copies": s.copies },
        `${s.files} 份文件中有 ${s.copies} 份与其他文件为同一报告（同一机关、同一年度，如PDF与其Word稿），报告只计一次、合计只加一次；问题数按文件计。`));
    }
    const families = { S: "结构 structure", T: "表格 tables", X: "正文与表格 prose vs tables", F: "文字 wording", P: "发布 publication", C: "跨报告 across reports" };
    const parts = Object.entries(s.families).map(([family, count]) =>
      el("span", { "data-family": family }, `${family} ${families[family] || ""}: `, el("b", {}, String(count))));
    document.getElementById("families").append(
      el("span", {}, "问题类别 by family:"), ...(parts.length ? parts : [el("span", { class: "empty" }, "无 none")]));
  }

  // ---- Charts -------------------------------------------------------------
  /** Horizontal bars: items are {label, title, parts: [[value, color], …]}. */
  function barChart(items, legend) {
    if (!items.length) return el("p", { class: "empty" }, "无数据 no data");
    // The labels' column is as wide as the longest label needs, within bounds: none is clipped.
    const labelWidth = Math.min(260, Math.max(80, Math.ceil(Math.max(...items.map((item) => textWidth(item.label)))) + 12));
    const rowHeight = 18, barWidth = 340, width = labelWidth + barWidth + 50;
    const max = Math.max(1, ...items.map((item) => item.parts.reduce((sum, [value]) => sum + value, 0)));
    const chart = svg("svg", { viewBox: `0 0 ${width} ${items.length * rowHeight + 6}`, width, role: "img" });
    items.forEach((item, i) => {
      const y = i * rowHeight + 3;
      const row = svg("g", { class: "bar" }, svg("title", {}, item.title));
      row.append(svg("text", { x: labelWidth - 6, y: y + 12, "text-anchor": "end" }, fit(item.label, labelWidth - 8)));
      let x = labelWidth, total = 0;
      for (const [value, color] of item.parts) {
        const w = (value / max) * barWidth;
        if (w > 0) row.append(svg("rect", { x, y: y + 2, width: w, height: rowHeight - 5, fill: color }));
        x += w;
        total += value;
      }
      row.append(svg("text", { x: x + 4, y: y + 12 }, number(total)));
      chart.append(row);
    });
    chart.append(svg("line", { class: "axis", x1: labelWidth, x2: labelWidth, y1: 0, y2: items.length * rowHeight + 6 }));
    const key = legend ? el("div", { class: "legend" }, legend.map(([label, color]) => [el("i", { style: `background:${color}` }), label])) : null;
    return el("div", {}, chart, key);
  }

  /** One row per report: of a report held in several files, the file with the most findings. */
  function oneFilePerReport() {
    const worst = new Map();
    for (const r of data.reports) {
      const key = r.copy_of || r.path;
      const seen = worst.get(key);
      if (!seen || r.errors > seen.errors || (r.errors === seen.errors && r.warnings > seen.warnings)) worst.set(key, r);
    }
    return [...worst.values()];
  }

  function drawFindingsChart() {
    const reports = oneFilePerReport();
    const items = reports
      .filter((r) => r.errors + r.warnings + r.infos > 0)
      .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.infos - a.infos)
      .slice(0, 30)
      .map((r) => ({
        label: chartName(r) + (r.year ? ` ${r.year}` : ""),
        title: `${r.path}: ${r.errors} errors, ${r.warnings} warnings, ${r.infos} infos`,
        parts: [[r.errors, COLORS.error], [r.warnings, COLORS.warning], [r.infos, COLORS.info]],
      }));
    const hidden = reports.filter((r) => r.errors + r.warnings + r.infos > 0).length - items.length;
    const chart = document.getElementById("chart-findings");
    chart.append(barChart(items, [["错误 errors", COLORS.error], ["警告 warnings", COLORS.warning], ["提示 infos", COLORS.info]]));
    if (hidden > 0) chart.append(el("p", { class: "legend" }, `另有 ${hidden} 份报告未列出 (${hidden} more not shown)`));
  }

  /** Each agency's latest report: its year and figures. */
  function latestByAgency() {
    const latest = new Map();
    for (const r of data.reports) {
      const key = name(r);
      const seen = latest.get(key);
      if (!seen || (r.year || 0) > (seen.year || 0)) latest.set(key, r);
    }
    return [...latest.values()];
  }

  function drawReceivedChart() {
    const items = latestByAgency()
      .filter((r) => r.figures.received !== null)
      .sort((a, b) => b.figures.received - a.figures.received)
      .slice(0, 30)
      .map((r) => ({ label: chartName(r), title: `${r.path} ${r.year || ""}: ${number(r.figures.received)}`, parts: [[r.figures.received, COLORS.info]] }));
    const chart = document.getElementById("chart-received");
    chart.append(barChart(items, null));
    const hidden = latestByAgency().filter((r) => r.figures.received !== null).length - items.length;
    if (hidden > 0) chart.append(el("p", { class: "legend" }, `另有 ${hidden} 个机关未列出 (${hidden} more not shown)`));
  }

  /** Small multiples: for each agency with reports of several years, its figures by year. */
  function drawYears() {
    const byAgency = new Map();
    for (const r of data.reports) {
      if (!r.agency || !r.year) continue;
      if (!byAgency.has(r.agency)) byAgency.set(r.agency, new Map());
      byAgency.get(r.agency).set(r.year, r);
    }
    const agencies = [...byAgency.entries()].filter(([, years]) => years.size > 1)
      .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0])).slice(0, 12);
    const container = document.getElementById("chart-years");
    if (!agencies.length) {
      container.append(el("p", { class: "empty" }, "没有同一机关多个年度的报告 no agency has reports of several years"));
      return;
    }
    for (const [agency, years] of agencies) {
      container.append(el("div", { class: "small", "data-agency": agency },
        el("div", { class: "small-title" }, agency),
        PANELS.map(([title, series]) => lineChart(title, years, series))));
    }
    container.after(el("div", { class: "legend" }, SERIES.map(([, label, color]) => [el("i", { style: `background:${color}` }), label])));
  }

  function lineChart(title, years, series) {
    const width = 260, height = 150, left = 34, right = 20, top = 22, bottom = 22;
    const list = [...years.keys()].sort((a, b) => a - b);
    const values = list.flatMap((year) => series.map(([key]) => years.get(year).figures[key]).filter((v) => v !== null));
    const max = Math.max(1, ...values);
    const x = (i) => left + (list.length === 1 ? 0 : (i / (list.length - 1)) * (width - left - right));
    const y = (v) => top + (1 - v / max) * (height - top - bottom);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, role: "img" });
    chart.append(svg("text", { x: 4, y: 14 }, title));
    chart.append(svg("line", { class: "axis", x1: left, x2: width - right, y1: y(0), y2: y(0) }));
    chart.append(svg("text", { x: left - 4, y: top + 4, "text-anchor": "end" }, number(max)));
    chart.append(svg("text", { x: left - 4, y: y(0) + 4, "text-anchor": "end" }, "0"));
    list.forEach((year, i) => chart.append(svg("text", { x: x(i), y: height - 6, "text-anchor": "middle" }, String(year))));
    for (const [key, label, color] of series) {
      const points = list.map((year, i) => [i, years.get(year).figures[key], year]).filter(([, v]) => v !== null);
      if (!points.length) continue;
      chart.append(svg("polyline", { fill: "none", stroke: color, "stroke-width": 2, points: points.map(([i, v]) => `${x(i)},${y(v)}`).join(" ") }));
      for (const [i, v, year] of points) {
        chart.append(svg("circle", { cx: x(i), cy: y(v), r: 3, fill: color }, svg("title", {}, `${year} ${label}: ${number(v)}`)));
      }
    }
    return chart;
  }

  // ---- Reports table ----------------------------------------------------
  const COLUMNS = [
    ["agency", "报告 Report", (r) => name(r)],
    ["level", "层级 Level", (r) => r.level || ""],
    ["year", "年度 Year", (r) => r.year],
    ["published", "发布 Published", (r) => r.published || ""],
    ["errors", "错误", (r) => r.errors],
    ["warnings", "警告", (r) => r.warnings],
    ["infos", "提示", (r) => r.infos],
    ["new_documents", "新制发文件", (r) => r.figures.new_documents],
    ["received", "新收申请", (r) => r.figures.received],
    ["results_total", "办理结果总计", (r) => r.figures.results_total],
    ["review_total", "复议", (r) => r.figures.review_total],
    ["litigation_total", "诉讼", (r) => r.figures.litigation_total],
  ];
  const NUMERIC = new Set(["year", "errors", "warnings", "infos", "new_documents", "received", "results_total", "review_total", "litigation_total"]);
  const state = { sort: "errors", descending: true, open: new Set() };

  function setUpTable() {
    const head = document.querySelector("#reports thead tr");
    for (const [key, label] of COLUMNS) {
      const th = el("th", { "data-sort": key, scope: "col" }, label);
      th.addEventListener("click", () => {
        state.descending = state.sort === key ? !state.descending : NUMERIC.has(key);
        state.sort = key;
        drawRows();
      });
      head.append(th);
    }
    const levels = document.getElementById("filter-level");
    levels.append(el("option", { value: "" }, "全部 all"));
    for (const level of [...new Set(data.reports.map((r) => r.level || "unknown"))].sort()) {
      levels.append(el("option", { value: level }, LEVELS[level] || "未知 unknown"));
    }
    const codes = document.getElementById("filter-code");
    codes.append(el("option", { value: "" }, "全部 all"));
    for (const [code, count] of Object.entries(data.summary.codes)) {
      codes.append(el("option", { value: code }, `${code} ${data.summary.titles[code] || ""} (${count})`));
    }
    // Every shown report opened, or all closed again; printing opens them all first.
    document.getElementById("expand-all").addEventListener("click", () => {
      const shown = data.reports.filter(matches);
      const allOpen = shown.every((r) => state.open.has(r.path));
      for (const r of shown) if (allOpen) state.open.delete(r.path); else state.open.add(r.path);
      drawRows();
    });
    document.getElementById("print").addEventListener("click", () => {
      for (const r of data.reports.filter(matches)) state.open.add(r.path);
      drawRows();
      window.print();
    });
    for (const id of ["filter-agency", "filter-level", "filter-code", "filter-errors"]) {
      document.getElementById(id).addEventListener("input", drawRows);
    }
    drawRows();
  }

  function matches(r) {
    const agency = document.getElementById("filter-agency").value.trim();
    const level = document.getElementById("filter-level").value;
    const code = document.getElementById("filter-code").value;
    const errorsOnly = document.getElementById("filter-errors").checked;
    return (!agency || name(r).includes(agency) || r.path.includes(agency))
      && (!level || (r.level || "unknown") === level)
      && (!code || r.findings.some((f) => f.code === code))
      && (!errorsOnly || r.errors > 0);
  }

  function compare(a, b) {
    const get = COLUMNS.find(([key]) => key === state.sort)[2];
    const x = get(a), y = get(b);
    const missing = (v) => v === null || v === undefined || v === "";
    if (missing(x) || missing(y)) return missing(x) - missing(y); // blanks last either way
    const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
    return (state.descending ? -order : order) || a.path.localeCompare(b.path);
  }

  function drawRows() {
    for (const th of document.querySelectorAll("#reports th")) {
      th.setAttribute("aria-sort", th.dataset.sort === state.sort ? (state.descending ? "descending" : "ascending") : "none");
    }
    const body = document.querySelector("#reports tbody");
    body.replaceChildren();
    const shown = data.reports.filter(matches).sort(compare);
    for (const r of shown) {
      const row = reportRow(r);
      body.append(row);
      if (state.open.has(r.path)) body.append(findingsRow(r));
    }
    document.getElementById("shown-count").textContent = `显示 ${shown.length} / ${data.reports.length} 份报告 (reports shown)`;
    document.getElementById("shown-count").dataset.shown = String(shown.length);
  }

  /** When it was published, against which deadline, and why that deadline. */
  function publishedCell(r) {
    if (!r.published) return r.deadline ? el("span", { class: "deadline" }, `发布日期未知；应于${r.deadline}前发布`) : "—";
    const basis = r.deadline_basis ? `（依据${r.deadline_basis}）` : "";
    if (r.on_time === false) {
      return [r.published, " ", el("span", { class: "badge late" }, `逾期${r.days_late}天`),
        el("span", { class: "deadline" }, `应于${r.deadline}前发布${basis}`)];
    }
    return [r.published, " ", r.on_time ? el("span", { class: "badge ok", title: `应于${r.deadline}前发布${basis}` }, "按时") : null];
  }

  /** The files that hold the same report: counted once, by one of them. */
  function copiesLine(r) {
    if (r.copy_of) {
      return el("div", { class: "copy-of" }, el("span", { class: "badge copy" }, "重复文件"), `与 ${r.copy_of} 为同一报告，只计一次`);
    }
    if (!r.copies.length) return null;
    return el("div", { class: "copies" }, "同一报告的其他文件：",
      r.copies.map((c) => `${c.path}（${c.same_tables ? "数字一致" : "数字不一致，请核对"}）`).join("、"));
  }

  function reportRow(r) {
    const published = publishedCell(r);
    // Why a report fails, without a click: its gravest findings in a line.
    const gravest = [...r.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, 3)
      .filter((f) => f.severity !== "info");
    const main = gravest.length
      ? el("div", { class: "main-findings" }, gravest.map((f) => `${f.code} ${f.message}`).join("；")
        + (r.findings.length > gravest.length && r.errors + r.warnings > gravest.length ? "；…" : ""))
      : null;
    const cells = [
      el("td", { title: r.agency_written ? `本文件写作「${r.agency_written}」` : null }, name(r), el("span", { class: "path" }, r.path), copiesLine(r), main),
      el("td", {}, LEVELS[r.level] || "—"),
      el("td", { class: "num" }, r.year ? String(r.year) : "—"),
      el("td", {}, published),
      el("td", { class: "num" + (r.errors ? " count-error" : ""), "data-col": "errors" }, String(r.errors)),
      el("td", { class: "num" + (r.warnings ? " count-warning" : ""), "data-col": "warnings" }, String(r.warnings)),
      el("td", { class: "num", "data-col": "infos" }, String(r.infos)),
      ...["new_documents", "received", "results_total", "review_total", "litigation_total"].map((key) =>
        el("td", { class: "num", "data-col": key }, number(r.figures[key]))),
    ];
    const row = el("tr", { class: "report" + (state.open.has(r.path) ? " open" : ""), "data-path": r.path, tabindex: 0, "aria-expanded": String(state.open.has(r.path)) }, cells);
    const toggle = () => {
      if (state.open.has(r.path)) state.open.delete(r.path); else state.open.add(r.path);
      drawRows();
    };
    row.addEventListener("click", toggle);
    row.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle(); } });
    return row;
  }

  function findingsRow(r) {
    const content = r.findings.length
      ? el("ol", { class: "findings" }, r.findings.map((f) => el("li", { "data-code": f.code },
        el("div", { class: "finding-head" }, el("span", { class: `badge ${f.severity}` }, SEVERITY[f.severity] || f.severity), el("code", {}, f.code),
          el("span", { class: "rule-title" }, data.summary.titles[f.code] || ""), f.message),
        el("div", { class: "where" }, "位置 at ", f.at),
        f.cells.length ? el("ul", { class: "cells" }, f.cells.map((c) => el("li", {}, c.label, el("span", { class: "where" }, " — ", c.at)))) : null,
        f.context ? el("pre", { class: "context" }, f.context) : null,
        f.help ? el("div", { class: "help" }, f.help) : null)))
      : el("p", { class: "empty" }, "未发现问题 no findings");
    return el("tr", { class: "findings", "data-path": r.path }, el("td", { colspan: COLUMNS.length }, content));
  }

  // ---- Unreadable files and roll-up --------------------------------------
  function drawUnreadable() {
    const list = document.getElementById("unreadable");
    if (!data.unreadable.length) list.append(el("li", { class: "empty" }, "无 none"));
    for (const u of data.unreadable) list.append(el("li", { "data-path": u.path }, el("b", {}, u.path), "：", u.reason));
  }

  const TABLE_TITLES = {
    "表二": "主动公开政府信息情况",
    "表三": "收到和处理政府信息公开申请情况",
    "表四": "政府信息公开行政复议、行政诉讼情况",
  };
  const differs = (cell) => cell.parent !== undefined && Math.abs(cell.parent - cell.sum) > 1e-9;

  /** The roll-up's rows as the template's tables: each table's rows in order, as blocks of rows with the same columns. */
  function rollupTables(rows) {
    const tables = new Map();
    for (const cell of rows) {
      if (!tables.has(cell.table)) tables.set(cell.table, []);
      const list = tables.get(cell.table);
      if (!list.length || list.at(-1).row !== cell.row) list.push({ row: cell.row, group: cell.group, cells: [] });
      list.at(-1).cells.push(cell);
    }
    return [...tables].map(([table, list]) => {
      const blocks = [];
      for (const row of list) {
        const columns = row.cells.map((cell) => cell.column);
        if (!blocks.length || blocks.at(-1).columns.join("|") !== columns.join("|")) blocks.push({ columns, rows: [] });
        blocks.at(-1).rows.push(row);
      }
      return [table, blocks];
    });
  }

  /** A block's head: 表三 with the template's 申请人情况 over its seven columns. */
  function blockHead(table, columns) {
    if (table === "表三" && columns.length === 7) {
      return el("thead", {},
        el("tr", {}, el("th", { rowspan: 2 }, "项目"), el("th", { rowspan: 2 }, columns[0]), el("th", { colspan: 5 }, "法人或其他组织"), el("th", { rowspan: 2 }, columns[6])),
        el("tr", {}, columns.slice(1, 6).map((column) => el("th", {}, column))));
    }
    return el("thead", {}, el("tr", {}, el("th", {}, table === "表四" ? "类别" : "项目"), columns.map((column) => el("th", {}, column))));
  }

  function drawRollup() {
    const rollup = data.rollup;
    // Each table adds up the reports that give it: say how many for each.
    const byTable = ["表二", "表三", "表四"].map((table) => `${table} ${rollup.summed_by_table[table] || 0} 份`).join("、");
    const partial = ["表二", "表三", "表四"].some((table) => (rollup.summed_by_table[table] || 0) < rollup.summed);
    const note = `${rollup.summed} 份报告的合计：${byTable}`
      + (partial ? "（有的报告某张表格未能读取，只计其余表格，见下）" : "")
      + ` (tables summed over ${rollup.summed} reports)`
      + (rollup.parent ? `；上级报告 ${rollup.parent}：${rollup.mismatches} 处与合计不一致`
        + (rollup.not_compared.length ? `（${rollup.not_compared.join("、")}有报告未计入合计，未作比较）` : "")
        + " (figures differing from the sum)" : "");
    document.getElementById("rollup-note").textContent = note;
    document.getElementById("rollup-excluded").append(...rollup.excluded.map((u) => el("li", {}, `未计入 left out: ${u.path}：${u.reason}`)));
    // Copies are said once, their list folded away.
    if (rollup.copies.length) {
      document.getElementById("rollup-note").after(el("details", { id: "rollup-copies" },
        el("summary", {}, `另有 ${rollup.copies.length} 份文件与已计入的报告为同一报告，未重复计入`),
        el("ul", {}, rollup.copies.map((path) => el("li", {}, path)))));
    }
    const parent = rollup.parent !== null;
    document.getElementById("rollup-filter").hidden = !parent;
    const tables = rollupTables(rollup.rows);
    const draw = () => {
      const only = document.getElementById("rollup-mismatches").checked;
      const container = document.getElementById("rollup");
      container.replaceChildren(...tables.map(([table, blocks]) => {
        const shownGroups = new Set();
        const parts = blocks.map((block) => {
          const body = el("tbody", {});
          for (const row of block.rows) {
            if (only && !row.cells.some(differs)) continue;
            // The template's group over its rows: 「（三）不予公开」 over 1.–8., once.
            if (row.group && !shownGroups.has(row.group)) {
              shownGroups.add(row.group);
              body.append(el("tr", { class: "group" }, el("th", { colspan: block.columns.length + 1, scope: "rowgroup" }, row.group)));
            }
            body.append(el("tr", { "data-row": row.row, class: /^\d+\./.test(row.row) ? "item" : "" },
              el("th", { scope: "row" }, row.row),
              row.cells.map((cell) => el("td", {
                class: "num" + (differs(cell) ? " mismatch" : ""),
                "data-column": cell.column,
                title: parent ? `合计 ${number(cell.sum)}；上级报告 ${number(cell.parent)}` : null,
              }, number(cell.sum), differs(cell) ? el("span", { class: "parent" }, `上级 ${number(cell.parent)}`) : null))));
          }
          return body.children.length ? el("div", { class: "wide" }, el("table", { class: "rollup-table" }, blockHead(table, block.columns), body)) : null;
        });
        return el("section", { class: "rollup-part", "data-table": table }, el("h3", {}, `${table} ${TABLE_TITLES[table] || ""}`), parts);
      }));
    };
    document.getElementById("rollup-mismatches").addEventListener("input", draw);
    draw();
  }

  drawSummary();
  drawFindingsChart();
  drawReceivedChart();
  drawYears();
  setUpTable();
  drawUnreadable();
  drawRollup();
})();
