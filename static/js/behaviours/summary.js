// The summary that follows the person (a bar fixed to the bottom of a phone, sticky at the top of a wide
// screen): its height sets the room app.css keeps when focus scrolls a control into view. The bar's height
// changes with its words (a live update) and with the width it gets (inputs folded or opened beside it):
// watched, not measured once.
(function () {
  "use strict";

  var summaryWatch = window.ResizeObserver ? new ResizeObserver(function () { measureSummary(); }) : null;
  var watchedSummary = null;

  function measureSummary() {
    var summary = document.querySelector("[data-summary]");
    if (summary) {
      document.documentElement.style.setProperty("--cp-summary-height", summary.offsetHeight + "px");
      if (summaryWatch && summary !== watchedSummary) {
        if (watchedSummary) summaryWatch.unobserve(watchedSummary);
        summaryWatch.observe(summary);
        watchedSummary = summary;
      }
    }
  }

  CareerPath.behaviour("summary", {
    start: function () {
      measureSummary();
      window.addEventListener("resize", measureSummary);
    },
    settle: measureSummary,
  });
})();
