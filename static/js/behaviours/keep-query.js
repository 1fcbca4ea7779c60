// Links that carry the current inputs (such as "Save as a plan") follow the pushed URL ("Sign up to save it"
// is a button that sends the form itself, pay included).
CareerPath.behaviour("keep-query", {
  settle: function () {
    document.querySelectorAll("a[data-keep-query]").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      url.search = window.location.search;
      link.href = url.toString();
    });
  },
});
