// Figures from earlier inputs: while the form says something the shown projection does not (a number being
// typed, a request under way, an input the browser refuses), the summary says "Not updated yet".
(function () {
  "use strict";

  var SKIP = { csrfmiddlewaretoken: true, version: true, title: true, notes: true };
  var profileForm = document.getElementById("profile-form");
  var shownValues = null;
  var sentValues = null;

  function formValues(form) {
    var pairs = [];
    new FormData(form).forEach(function (value, name) {
      if (!SKIP[name]) {
        pairs.push(name + "=" + value);
      }
    });
    return pairs.join("&");
  }

  function markStale() {
    var summary = document.querySelector("#projection [data-summary]");
    if (!profileForm || !summary) {
      return;
    }
    var note = summary.querySelector("[data-stale]");
    if (!note) {
      note = document.createElement("span");
      note.className = "stale-note";
      note.setAttribute("data-stale", "");
      note.textContent = "Not updated yet";
      var foot = summary.querySelector(".summary-foot") || summary;
      foot.insertBefore(note, foot.firstChild);
    }
    note.hidden = formValues(profileForm) === shownValues;
  }

  CareerPath.behaviour("stale", {
    start: function () {
      if (!profileForm) {
        return;
      }
      shownValues = sentValues = formValues(profileForm);
      markStale();
      profileForm.addEventListener("input", markStale);
      profileForm.addEventListener("change", markStale);
      document.addEventListener("htmx:beforeRequest", function (event) {
        if (event.detail.elt === profileForm) {
          sentValues = formValues(profileForm);
        }
      });
      // The pay fields rewritten as the server settled them (pay-currency.js): what was sent is what is shown.
      document.addEventListener("careerpath:pay-settled", function () {
        sentValues = formValues(profileForm);
      });
    },
    settle: function (event) {
      if (profileForm && CareerPath.isProjection(event)) {
        shownValues = sentValues;
        markStale();
      }
    },
  });
})();
