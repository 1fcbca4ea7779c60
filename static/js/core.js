// CareerPath's behaviour beyond htmx: each file in behaviours/ registers one behaviour here, and this file
// runs them: `start` at once (the scripts are deferred, so the page has been read), `settle` after each htmx
// swap settles, from ONE htmx:afterSettle listener, in the order base.html loads the files.
// No inline handlers (strict CSP), no eval.
(function () {
  "use strict";

  // With JavaScript on, the projection updates live, so the explicit "Show" button is not needed. Set
  // first: what follows measures the page as it looks with JavaScript.
  document.documentElement.classList.add("js");

  var settlers = [];

  function report(error) {
    if (window.reportError) {
      window.reportError(error); // as an uncaught error: the other behaviours still run
    } else if (window.console) {
      window.console.error(error);
    }
  }

  window.CareerPath = {
    // behaviour("name", { start: function () {...}, settle: function (event) {...} }): both optional.
    behaviour: function (name, parts) {
      if (parts.settle) {
        settlers.push({ name: name, settle: parts.settle });
      }
      if (parts.start) {
        try {
          parts.start();
        } catch (error) {
          report(error);
        }
      }
    },
    // Whether an htmx event is the projection's live update (its target is the #projection section).
    isProjection: function (event) {
      return Boolean(event.detail && event.detail.target && event.detail.target.id === "projection");
    },
    // What a screen reader hears next (the page's one polite live region).
    say: function (text) {
      var live = document.getElementById("live-region");
      if (live) {
        live.textContent = text;
      }
    },
  };

  document.addEventListener("htmx:afterSettle", function (event) {
    settlers.forEach(function (behaviour) {
      try {
        behaviour.settle(event);
      } catch (error) {
        report(error);
      }
    });
  });
})();
