// attack-kb: the colour scheme chosen with the header's button (system, light or dark), applied before the page
// paints. Kept apart from app.js, which loads deferred: this one must run first, and is tiny.
(function () {
  "use strict";
  try {
    var theme = localStorage.getItem("attack-kb-theme");
    if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
  } catch (e) { /* storage blocked: the system's scheme applies */ }
})();
