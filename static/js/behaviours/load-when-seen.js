// A part of the page fetched when it scrolls into view (earnings over the years, the what-ifs): the link
// inside is the page without JavaScript; with it, htmx fetches that link in the part's place.
(function () {
  "use strict";

  var watcher = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      var link = entry.target.querySelector("a[href]");
      if (!entry.isIntersecting || !link || !window.htmx) {
        return;
      }
      watcher.unobserve(entry.target);
      window.htmx.ajax("GET", link.getAttribute("href"), { target: entry.target, swap: "outerHTML" });
    });
  }) : null;

  function watchParts() {
    document.querySelectorAll("[data-load-when-seen]:not([data-watched])").forEach(function (part) {
      part.setAttribute("data-watched", "");
      var link = part.querySelector("a[href]");
      if (watcher) {
        watcher.observe(part);
      } else if (link && window.htmx) { // no way to tell when it is seen: fetch it now
        window.htmx.ajax("GET", link.getAttribute("href"), { target: part, swap: "outerHTML" });
      }
    });
  }

  CareerPath.behaviour("load-when-seen", { start: watchParts, settle: watchParts });
})();
