// A plan's form with edits not yet saved: the page header says so, and leaving the page asks first.
// Saving (a submit) is not leaving.
(function () {
  "use strict";

  var unsaved = false;

  function markUnsaved(event) {
    var form = event.target && event.target.closest ? event.target.closest("form[data-unsaved-warning]") : null;
    if (!form) {
      return;
    }
    unsaved = true;
    document.querySelectorAll("[data-unsaved]").forEach(function (badge) {
      badge.hidden = false;
    });
  }

  CareerPath.behaviour("unsaved", {
    start: function () {
      document.addEventListener("input", markUnsaved);
      document.addEventListener("change", markUnsaved);
      document.addEventListener("submit", function (event) {
        if (event.target.matches && event.target.matches("form[data-unsaved-warning]")) {
          unsaved = false;
        }
      });
      window.addEventListener("beforeunload", function (event) {
        if (unsaved) {
          event.preventDefault();
          event.returnValue = ""; // older browsers need a value to ask
        }
      });
    },
  });
})();
