// htmx checks the form before sending; when a field is invalid, show the browser's message.
CareerPath.behaviour("validation", {
  start: function () {
    document.addEventListener("htmx:validation:halted", function (event) {
      var form = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest("form") : null;
      if (form && form.reportValidity) {
        form.reportValidity();
      }
    });
  },
});
