// Pay typed in one currency, then a location that pays in another: ask before the live update reads the same
// numbers in the new currency (convert at the data's rate, keep them, or clear them), then update. The
// server applies the choice, as it does without JavaScript, and its answer carries the pay as it settled it
// (<template data-settled-pay> in the projection): this file only reads the page. The question's words are
// the form's own (<template data-pay-currency-ask> in profile_fields.html), the currencies and their
// symbols the location field's data.
(function () {
  "use strict";

  var PAY = ["current_base", "current_bonus", "current_equity"];
  var profileForm = document.getElementById("profile-form");
  var payQuestion = profileForm ? profileForm.querySelector("[data-pay-currency-question]") : null;
  if (!payQuestion) {
    return;
  }
  var locationSelect = profileForm.querySelector("select[name=location]");
  var payCurrency = profileForm.querySelector("input[name=pay_currency]");
  var payInputs = PAY.map(function (name) {
    return profileForm.querySelector("input[name=" + name + "]");
  });
  var currencies = JSON.parse(locationSelect.getAttribute("data-currencies") || "{}");
  var symbols = JSON.parse(locationSelect.getAttribute("data-symbols") || "{}"); // the currencies with a rate

  function payTyped() {
    return payInputs.some(function (input) { return input && input.value.trim() !== ""; });
  }
  function locationCurrency() {
    return currencies[locationSelect.value] || "";
  }
  function mismatch() {
    var typedIn = payCurrency.value;
    var now = locationCurrency();
    return typedIn && now && typedIn !== now && symbols[typedIn] && symbols[now] && payTyped();
  }
  function chosen() {
    return payQuestion.querySelector("input[type=radio]:checked");
  }
  // The label names the pay's currency as typed; the help (its words from the form's data-help templates)
  // names the chosen location's, and the typed one's too while the question is open.
  function labelPay(currency) {
    var to = locationCurrency() || currency;
    var place = locationSelect.options[locationSelect.selectedIndex].text;
    var words = { currency: to, symbol: symbols[to], place: place, typed: currency, typed_symbol: symbols[currency] };
    payInputs.forEach(function (input) {
      var label = input && profileForm.querySelector("label[for=" + input.id + "]");
      if (label) {
        label.textContent = label.textContent.replace(/\([^()]*\)(:?)\s*$/, "(" + symbols[currency] + ")$1");
        input.setAttribute("data-currency", currency);
      }
      var help = input && document.getElementById(input.id + "_helptext");
      var template = input && input.getAttribute(currency !== to ? "data-help-typed" : "data-help");
      if (help && template) {
        help.textContent = template.replace(/\{(\w+)\}/g, function (all, name) { return words[name] || all; });
      }
    });
  }
  function settle(currency) { // the pay fields now hold pay in `currency`
    payCurrency.value = currency;
    labelPay(currency);
    payQuestion.hidden = true;
    payQuestion.querySelectorAll("input[type=radio]").forEach(function (radio) { radio.checked = false; });
  }
  function ask() {
    var from = payCurrency.value;
    var to = locationCurrency();
    var slots = {
      from: from,
      "from-symbol": symbols[from],
      place: locationSelect.options[locationSelect.selectedIndex].text,
      to: to,
      "to-symbol": symbols[to],
    };
    var words = payQuestion.querySelector("[data-pay-currency-words]");
    var question = payQuestion.querySelector("template[data-pay-currency-ask]").content.cloneNode(true);
    question.querySelectorAll("[data-slot]").forEach(function (slot) {
      slot.replaceWith(document.createTextNode(slots[slot.getAttribute("data-slot")]));
    });
    words.textContent = "";
    words.appendChild(question);
    words.normalize();
    labelPay(from);
    payQuestion.hidden = false;
    payQuestion.scrollIntoView({ block: "center", behavior: "instant" });
    var first = payQuestion.querySelector("input[type=radio]");
    if (first) {
      first.focus({ preventScroll: true });
    }
    CareerPath.say(words.textContent);
  }

  CareerPath.behaviour("pay-currency", {
    start: function () {
      // htmx asks before each live update; the values are read after this.
      document.addEventListener("htmx:confirm", function (event) {
        if (event.detail.elt !== profileForm) {
          return;
        }
        if (chosen()) {
          return; // sent with the choice: the server converts, keeps or clears, and answers with the pay
        }
        if (mismatch()) {
          event.preventDefault(); // hold the update: the numbers would be read in the new currency
          ask();
        } else if (!payTyped() && locationCurrency()) {
          settle(locationCurrency()); // no pay yet: the fields simply speak the new location's currency
        } else if (!payQuestion.hidden) {
          settle(payCurrency.value); // back to the place the pay was typed for: nothing to ask
        }
      });
    },
    // The answer to a choice carries the pay as the server settled it, in the location's currency.
    settle: function (event) {
      var settled = CareerPath.isProjection(event) && document.querySelector("#projection template[data-settled-pay]");
      if (!settled || !chosen()) {
        return;
      }
      payInputs.forEach(function (input) {
        if (input) {
          input.value = settled.getAttribute("data-" + input.name.replace(/_/g, "-")) || "";
        }
      });
      settle(settled.getAttribute("data-pay-currency") || locationCurrency());
      document.dispatchEvent(new CustomEvent("careerpath:pay-settled"));
    },
  });
})();
