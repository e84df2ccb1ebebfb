// FibreFlow console: SLA countdowns, keyboard shortcuts, the help overlay, row selection.
// Everything works without this file (forms post, links link); it only adds speed.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function duration(seconds) {
    var d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600),
        m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    if (d) return d + "d " + h + "h";
    if (h) return h + "h " + m + "m";
    if (m) return m + "m";
    return s + "s";
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-due]").forEach(function (el) {
      var due = Date.parse(el.getAttribute("data-due"));
      if (isNaN(due)) return;
      var left = Math.round((due - now) / 1000);
      el.textContent = left < 0 ? "overdue " + duration(-left) : duration(left) + " left";
      if (left < 0) { el.className = "sla sla-breached"; }
    });
  }
  setInterval(tick, 30000);

  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr[data-href], article.tcard")); }
  var current = -1;
  function focusRow(i) {
    var list = rows();
    if (!list.length) return;
    current = Math.max(0, Math.min(list.length - 1, i));
    list.forEach(function (r) { r.classList.remove("row-focus"); });
    var row = list[current];
    row.classList.add("row-focus");
    var link = row.querySelector("a");
    if (link) link.focus();
  }
  function help() {
    var dialog = document.getElementById("help");
    if (dialog && dialog.showModal && !dialog.open) dialog.showModal();
  }
  var pendingG = false;
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (e.ctrlKey || e.metaKey || e.altKey || tag === "input" || tag === "textarea" || tag === "select" ||
        e.target.isContentEditable) return;
    if (pendingG) {
      pendingG = false;
      var go = {d: "/tickets", m: "/my", i: "/inbox"}[e.key];
      if (go) { e.preventDefault(); window.location.href = go; }
      return;
    }
    switch (e.key) {
      case "?": e.preventDefault(); help(); break;
      case "/": var q = document.querySelector("[data-search]");
        if (q) { e.preventDefault(); var d = q.closest("details"); if (d) d.open = true; q.focus(); }
        else { e.preventDefault(); window.location.href = "/tickets?focus=search"; } break;
      case "g": pendingG = true; break;
      case "n": e.preventDefault(); window.location.href = "/tickets/new"; break;
      case "j": e.preventDefault(); focusRow(current + 1); break;
      case "k": e.preventDefault(); focusRow(current - 1); break;
      case "x": var r = rows()[current]; var box = r && r.querySelector("input.pick");
        if (box) { e.preventDefault(); box.checked = !box.checked; } break;
      case "o": case "Enter": var row = rows()[current];
        if (row && row.getAttribute("data-href")) { e.preventDefault(); window.location.href = row.getAttribute("data-href"); } break;
      case "c": var note = document.querySelector("[data-note]"); if (note) { e.preventDefault(); note.focus(); } break;
    }
  });
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("[data-help]");
    if (link) { e.preventDefault(); help(); }
  });
  document.addEventListener("change", function (e) {
    if (e.target.id === "pick-all") {
      document.querySelectorAll("input.pick").forEach(function (b) { b.checked = e.target.checked; });
    }
    if (e.target.hasAttribute && e.target.hasAttribute("data-autosubmit") && e.target.files && e.target.files.length) {
      var form = e.target.form;
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    if (window.location.search.indexOf("focus=search") >= 0) {
      var q = document.querySelector("[data-search]");
      if (q) { var d = q.closest("details"); if (d) d.open = true; q.focus(); }
    }
    // The DR lookup: a found drop fills address and zone (the user may still change them).
    document.body.addEventListener("htmx:afterSwap", function (e) {
      var found = e.target.querySelector && e.target.querySelector("[data-drop]");
      if (!found) return;
      [["address", "data-address"], ["zone", "data-zone"]].forEach(function (pair) {
        var input = document.getElementById(pair[0]);
        if (input && found.getAttribute(pair[1])) input.value = found.getAttribute(pair[1]);
      });
    });
  });
})();
