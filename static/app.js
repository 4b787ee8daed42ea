// attack-kb: the little htmx cannot do. Loaded from this site only (the Content-Security-Policy forbids inline script).
(function () {
  "use strict";

  // "/" focuses the search box, as on most search sites; not while typing in a field.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
    var box = document.getElementById("q") || document.getElementById("header-q");
    if (box) { e.preventDefault(); box.focus(); box.select(); }
  });

  // Type-ahead: fill the shared <datalist> from /api/suggest as the user types in any search box.
  var timer = null, last = "";
  function suggest(input) {
    var q = input.value.trim();
    if (q === last || q.length < 2) return;
    last = q;
    fetch("/api/suggest?q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (body) {
        var list = document.getElementById("suggestions");
        if (!list) return;
        list.replaceChildren.apply(list, body.suggestions.map(function (s) {
          var option = document.createElement("option");
          option.value = s.id;
          option.label = s.id + " " + s.name;
          option.textContent = s.id + " " + s.name;
          return option;
        }));
      })
      .catch(function () { /* suggestions are a convenience: a failure leaves the box as it was */ });
  }
  document.addEventListener("input", function (e) {
    var t = e.target;
    if (!t || t.getAttribute("list") !== "suggestions") return;
    clearTimeout(timer);
    timer = setTimeout(function () { suggest(t); }, 120);
  });

  // History as a user expects it: the first pause while typing adds one entry, further typing replaces it, and
  // submitting, ticking a facet or paging adds one; Back then returns to the page before the search.
  var trigger = null, typing = false;
  document.addEventListener("htmx:configRequest", function (e) {
    trigger = e.detail.triggeringEvent ? e.detail.triggeringEvent.type : null;
    // Only a submitted ID jumps to its page: someone typing T1204.003 must not be taken away at T1204.
    if (trigger === "submit") e.detail.headers["X-Submitted"] = "true";
  });
  document.addEventListener("htmx:beforeHistoryUpdate", function (e) {
    var history = e.detail.history;
    if (trigger === "input") {
      if (typing) history.type = "replace";
      typing = true;
    } else {
      typing = false;
      if (history.path === window.location.pathname + window.location.search) history.type = "replace";
    }
  });
  // After Back or Forward the search box and facets show what the address asks for, whatever they held before.
  function syncWithAddress() {
    var form = document.getElementById("search-form");
    if (!form) return;
    var params = new URLSearchParams(window.location.search);
    var q = document.getElementById("q");
    if (q) q.value = params.get("q") || "";
    form.querySelectorAll("input.facet-box").forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
    });
    typing = false;
  }
  document.addEventListener("htmx:historyRestore", syncWithAddress);
  window.addEventListener("pageshow", function (e) { if (e.persisted) syncWithAddress(); });

  // Filters sit open beside the results on a wide screen; on a phone they wait behind their button, and stay as
  // the user left them when results are replaced.
  document.documentElement.classList.add("js");
  var wide = window.matchMedia("(min-width: 761px)");
  var wantFilters = false;
  function placeFilters() {
    var filters = document.getElementById("filters");
    if (filters) filters.open = wide.matches || wantFilters;
  }
  document.addEventListener("toggle", function (e) {
    if (e.target.id === "filters" && !wide.matches) wantFilters = e.target.open;
  }, true);
  document.addEventListener("DOMContentLoaded", placeFilters);
  // The new filters arrive closed, so htmx cannot give a facet back its focus: open them first, then do it here.
  var focusedId = null;
  document.addEventListener("htmx:beforeSwap", function () {
    focusedId = document.activeElement && document.activeElement.id ? document.activeElement.id : null;
  });
  document.addEventListener("htmx:afterSwap", function () {
    placeFilters();
    var again = focusedId && document.getElementById(focusedId);
    if (again && document.activeElement !== again) again.focus({ preventScroll: true });
    focusedId = null;
  });
  document.addEventListener("htmx:historyRestore", placeFilters);
  wide.addEventListener("change", placeFilters);

  // "Copy ID" on entity pages: the ID to the clipboard, and a word that it worked.
  document.querySelectorAll("button.copy-id").forEach(function (button) {
    button.hidden = !navigator.clipboard;
    button.addEventListener("click", function () {
      var label = button.textContent;
      navigator.clipboard.writeText(button.dataset.copy).then(function () {
        button.textContent = "Copied " + button.dataset.copy;
        setTimeout(function () { button.textContent = label; }, 1500);
      });
    });
  });

  // A long facet's filter box: shows the values whose label holds what is typed, unfolding the rest to find them.
  document.addEventListener("input", function (e) {
    var box = e.target;
    if (!box.classList || !box.classList.contains("facet-filter")) return;
    var words = box.value.trim().toLowerCase();
    var fieldset = box.closest("fieldset");
    var more = fieldset.querySelector("details.more-values");
    if (more && words) more.open = true;
    fieldset.querySelectorAll("label.facet-value").forEach(function (label) {
      label.hidden = words !== "" && label.textContent.toLowerCase().indexOf(words) < 0;
    });
  });
  function showFacetFilters() {
    document.querySelectorAll("input.facet-filter").forEach(function (f) { f.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", showFacetFilters);
  document.addEventListener("htmx:afterSwap", showFacetFilters);

  // The theme button cycles system → light → dark, remembered in this browser (theme.js applies it on load).
  var themeButton = document.getElementById("theme-toggle");
  if (themeButton) {
    var themes = ["system", "light", "dark"];
    var show = function () {
      var t = document.documentElement.dataset.theme || "system";
      themeButton.textContent = "Theme: " + t;
      themeButton.setAttribute("aria-label", "Colour scheme: " + t + "; press to change");
    };
    themeButton.hidden = false;
    show();
    themeButton.addEventListener("click", function () {
      var next = themes[(themes.indexOf(document.documentElement.dataset.theme || "system") + 1) % themes.length];
      if (next === "system") delete document.documentElement.dataset.theme; else document.documentElement.dataset.theme = next;
      try { if (next === "system") localStorage.removeItem("attack-kb-theme"); else localStorage.setItem("attack-kb-theme", next); } catch (e) { }
      show();
    });
  }

  // The matrix says when it scrolls sideways (more tactics than the window shows).
  var matrix = document.getElementById("matrix");
  var hint = document.getElementById("matrix-scroll-hint");
  function hintScroll() { if (matrix && hint) hint.hidden = matrix.scrollWidth <= matrix.clientWidth + 2; }
  if (matrix) { hintScroll(); window.addEventListener("resize", hintScroll); }

  // The matrix's domain picker navigates to that domain's matrix.
  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t && t.dataset && t.dataset.navigate) window.location.href = t.dataset.navigate + encodeURIComponent(t.value);
  });
})();
