// A saved plan folds its inputs behind "Edit inputs" so a phone opens on the projection; a wide screen has
// room for both side by side, so they open there.
CareerPath.behaviour("fold-inputs", {
  start: function () {
    if (window.matchMedia("(min-width: 1024px)").matches) {
      document.querySelectorAll("details[data-fold-on-phone]").forEach(function (details) {
        details.open = true;
      });
    }
  },
});
