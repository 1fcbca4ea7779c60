// Links that carry the current inputs (such as "Save as a plan") follow the pushed URL; "Sign up to save it"
// carries them in its `next`, the new-plan address sign-up returns to.
CareerPath.behaviour("keep-query", {
  settle: function () {
    document.querySelectorAll("a[data-keep-query]").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      if (link.getAttribute("data-keep-query") === "next") {
        url.searchParams.set("next", link.getAttribute("data-next-path") + window.location.search);
      } else {
        url.search = window.location.search;
      }
      link.href = url.toString();
    });
  },
});
