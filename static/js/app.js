// CareerPath's behaviour beyond htmx. No inline handlers (strict CSP), no eval.
(function () {
  "use strict";

  // Screen readers hear what changed after the projection is swapped in.
  document.addEventListener("htmx:afterSettle", function (event) {
    var panel = document.getElementById("projection");
    var live = document.getElementById("live-region");
    if (panel && live && event.detail.target && event.detail.target.id === "projection") {
      live.textContent = panel.getAttribute("data-announce") || "Projection updated.";
    }
    // Links that carry the current inputs (such as "Save as a plan") follow the pushed URL.
    document.querySelectorAll("a[data-keep-query]").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      url.search = window.location.search;
      link.href = url.toString();
    });
  });

  // htmx checks the form before sending; when a field is invalid, show the browser's message.
  document.addEventListener("htmx:validation:halted", function (event) {
    var form = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest("form") : null;
    if (form && form.reportValidity) {
      form.reportValidity();
    }
  });

  // With JavaScript on, the projection updates live, so the explicit "Show" button is not needed.
  document.documentElement.classList.add("js");
})();
