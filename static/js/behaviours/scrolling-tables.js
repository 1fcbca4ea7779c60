// A table wider than the screen scrolls sideways inside its .table-scroll box. Keyboard users can scroll it
// only if the box takes focus, so a box that overflows becomes a named, focusable region.
(function () {
  "use strict";

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

  CareerPath.behaviour("scrolling-tables", {
    start: function () {
      markScrollingTables();
      window.addEventListener("resize", markScrollingTables);
      document.addEventListener("toggle", markScrollingTables, true); // a table inside <details> shown
    },
    settle: markScrollingTables,
  });
})();
