// A box whose figures come when first opened ("Why this figure", a track year by year): the link (or the GET
// form's button) inside is the page without JavaScript; with it, htmx fetches that address into the box. One
// address per box, not two: a live update carries a dozen of them.
CareerPath.behaviour("load-on-open", {
  start: function () {
    // `toggle` does not bubble: listen while it is captured.
    document.addEventListener("toggle", function (event) {
      var box = event.target;
      var loads = "details.why, details[data-load-on-open]"; // every "Why this figure" loads when opened
      if (!box.matches || !box.matches(loads) || !box.open || box.hasAttribute("data-loaded")) {
        return;
      }
      var into = box.querySelector(":scope > div"); // after its <summary>
      var link = into && into.querySelector("a[href], button[form]");
      if (!link || !window.htmx) {
        return;
      }
      var url = link.getAttribute("href");
      if (!url) { // a button of a GET form ("Why this figure"): the address the form would go to
        var params = new URLSearchParams(new FormData(link.form));
        params.append(link.name, link.value);
        url = link.form.getAttribute("action") + "?" + params.toString();
      }
      box.setAttribute("data-loaded", "");
      window.htmx.ajax("GET", url, { target: into, swap: "innerHTML" });
    }, true);
  },
});
