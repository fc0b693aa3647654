// Document page: fact tooltips on hover and focus, FR/EN key facts, table rows that jump
// to their highlight. Report text only ever reaches the page as text (textContent).
"use strict";

(function () {
  const dataNode = document.getElementById("fact-data");
  const tip = document.getElementById("fact-tip");
  if (!dataNode || !tip) return;
  const facts = JSON.parse(dataNode.textContent);
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  let tipOwner = null;

  function addRow(list, term, value) {
    if (value === null || value === undefined || value === "") return;
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = String(value);
    list.append(dt, dd);
  }

  function fillTip(indexes) {
    tip.textContent = "";
    indexes.forEach(function (index, position) {
      const fact = facts[index];
      if (!fact) return;
      if (position > 0) {
        const sep = document.createElement("div");
        sep.className = "sep";
        tip.appendChild(sep);
      }
      const head = document.createElement("strong");
      head.textContent = (fact.subject || "No subject") + " · " + fact.metric_label;
      const list = document.createElement("dl");
      addRow(list, "Value", fact.value_text);
      addRow(list, "Period", fact.period_text || "none stated");
      addRow(list, "Claim", fact.claim_label);
      addRow(list, "Stated by", fact.attribution || "the report");
      addRow(list, "Qualifier", fact.qualifier);
      addRow(list, "Confidence", typeof fact.confidence === "number" ? fact.confidence.toFixed(2) : "");
      tip.append(head, list);
    });
  }

  function indexesOf(mark) {
    return (mark.dataset.facts || "").split(" ").filter(Boolean).map(Number);
  }

  function showTip(mark) {
    fillTip(indexesOf(mark));
    tip.hidden = false;
    tipOwner = mark;
    mark.setAttribute("aria-describedby", "fact-tip");
    const box = mark.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    let left = box.left + window.scrollX;
    left = Math.max(window.scrollX + 8, Math.min(left, window.scrollX + document.documentElement.clientWidth - width - 8));
    // Below the figure, or above it when there is no room below.
    let top = box.bottom + window.scrollY + 6;
    if (box.bottom + height + 12 > window.innerHeight && box.top > height + 12) {
      top = box.top + window.scrollY - height - 6;
    }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function hideTip(mark) {
    if (mark && tipOwner !== mark) return;
    tip.hidden = true;
    if (tipOwner) tipOwner.removeAttribute("aria-describedby");
    tipOwner = null;
  }

  const marks = document.querySelectorAll("#doc-text mark.fact");
  marks.forEach(function (mark) {
    mark.addEventListener("mouseenter", function () { showTip(mark); });
    mark.addEventListener("mouseleave", function () { if (document.activeElement !== mark) hideTip(mark); });
    mark.addEventListener("focus", function () { showTip(mark); });
    mark.addEventListener("blur", function () { hideTip(mark); });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hideTip(null);
  });
  window.addEventListener("resize", function () { if (tipOwner) showTip(tipOwner); });

  function jumpTo(anchor, row) {
    const mark = anchor && document.getElementById(anchor);
    if (!mark) return;
    mark.scrollIntoView({ block: "center", behavior: reducedMotion ? "auto" : "smooth" });
    mark.focus({ preventScroll: true });
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation when the same row is chosen twice
    mark.classList.add("flash");
    window.setTimeout(function () { mark.classList.remove("flash"); }, 1700);
    document.querySelectorAll(".facts-table tr.selected").forEach(function (r) { r.classList.remove("selected"); });
    if (row) row.classList.add("selected");
    history.replaceState(null, "", "#" + anchor);
  }

  document.querySelectorAll(".facts-table tbody tr").forEach(function (row) {
    row.addEventListener("click", function (event) {
      const link = event.target.closest("a");
      if (link && !link.classList.contains("jump")) return; // entity links navigate
      event.preventDefault();
      jumpTo(row.dataset.target, row);
    });
  });

  // A key-fact line's numbers jump to the figures it shows, like a table row.
  document.querySelectorAll(".key-source").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      const row = document.querySelector('.facts-table tr[data-target="' + link.dataset.target + '"]');
      jumpTo(link.dataset.target, row);
    });
  });

  const start = decodeURIComponent(window.location.hash.slice(1));
  if (/^at-\d+$/.test(start)) {
    window.requestAnimationFrame(function () {
      const row = document.querySelector('.facts-table tr[data-target="' + start + '"]');
      jumpTo(start, row);
    });
  }

  // Key facts in French or English, switched in place (the buttons also work without JS).
  const switcher = document.querySelector("form.switch");
  if (switcher) {
    switcher.addEventListener("submit", function (event) {
      const button = event.submitter;
      if (!button) return;
      event.preventDefault();
      const lang = button.value;
      switcher.querySelectorAll("button").forEach(function (b) {
        b.setAttribute("aria-pressed", b.value === lang ? "true" : "false");
      });
      document.querySelectorAll(".key-list").forEach(function (list) {
        list.hidden = list.dataset.lang !== lang;
      });
      const url = new URL(window.location.href);
      url.searchParams.set("kf", lang);
      history.replaceState(null, "", url.pathname + url.search + url.hash);
    });
  }
})();
