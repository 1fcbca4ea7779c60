// CareerPath's behaviour beyond htmx. No inline handlers (strict CSP), no eval.
(function () {
  "use strict";

  // Screen readers hear what changed after the projection is swapped in.
  document.addEventListener("htmx:afterSettle", function (event) {
    var said = document.querySelector("#projection [data-announce]");
    var live = document.getElementById("live-region");
    if (live && event.detail.target && event.detail.target.id === "projection") {
      live.textContent = (said && said.getAttribute("data-announce")) || "Projection updated.";
    }
    // Links that carry the current inputs (such as "Save as a plan") follow the pushed URL; "Sign up
    // to save it" carries them in its `next`, the new-plan address sign-up returns to.
    document.querySelectorAll("a[data-keep-query]").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      if (link.getAttribute("data-keep-query") === "next") {
        url.searchParams.set("next", link.getAttribute("data-next-path") + window.location.search);
      } else {
        url.search = window.location.search;
      }
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

  // The table's caption, or else the heading just before it.
  function tableName(box) {
    var caption = box.querySelector("caption");
    var node = box.previousElementSibling;
    while (!caption && node && !/^H[1-6]$/.test(node.tagName)) {
      node = node.previousElementSibling;
    }
    var source = caption || node;
    return source ? source.textContent.trim().replace(/\s+/g, " ") : "Table";
  }

  // A table wider than the screen scrolls sideways inside its .table-scroll box. Keyboard users can
  // scroll it only if the box takes focus, so a box that overflows becomes a named, focusable region.
  function markScrollingTables() {
    document.querySelectorAll(".table-scroll").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute("tabindex")) {
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", tableName(box));
        }
      } else if (box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  markScrollingTables();
  window.addEventListener("resize", markScrollingTables);
  document.addEventListener("htmx:afterSettle", markScrollingTables);
  document.addEventListener("toggle", markScrollingTables, true); // a table inside <details> shown

  // A plan's form with edits not yet saved: the page header says so, and leaving the page asks first.
  // Saving (a submit) is not leaving.
  var unsaved = false;
  document.addEventListener("input", markUnsaved);
  document.addEventListener("change", markUnsaved);
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

  // "Copy link" beside a share link's read-only field (without JavaScript: select the field and copy).
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) {
      return;
    }
    var field = document.getElementById(button.getAttribute("data-copy"));
    var done = function () {
      button.textContent = "Copied";
      var live = document.getElementById("live-region");
      if (live) {
        live.textContent = "Link copied.";
      }
    };
    field.select();
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        if (document.execCommand("copy")) {
          done();
        }
      });
    } else if (document.execCommand("copy")) {
      done();
    }
  });

  // With JavaScript on, the projection updates live, so the explicit "Show" button is not needed.
  document.documentElement.classList.add("js");
})();
