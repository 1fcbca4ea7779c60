// CareerPath's behaviour beyond htmx. No inline handlers (strict CSP), no eval.
(function () {
  "use strict";

  // With JavaScript on, the projection updates live, so the explicit "Show" button is not needed. Set
  // first: what follows measures the page as it looks with JavaScript.
  document.documentElement.classList.add("js");

  // Screen readers hear what changed after the projection is swapped in.
  document.addEventListener("htmx:afterSettle", function (event) {
    var said = document.querySelector("#projection [data-announce]");
    var live = document.getElementById("live-region");
    if (live && event.detail.target && event.detail.target.id === "projection") {
      live.textContent = (said && said.getAttribute("data-announce")) || "Projection updated.";
    }
    // Links that carry the current inputs (such as "Save as a plan") follow the pushed URL ("Sign up to
    // save it" is a button that sends the form itself, pay included).
    document.querySelectorAll("a[data-keep-query]").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      url.search = window.location.search;
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

  // The summary that follows the person (a bar fixed to the bottom of a phone, sticky at the top of a
  // wide screen): its height sets the room app.css keeps when focus scrolls a control into view.
  // The bar's height changes with its words (a live update) and with the width it gets (inputs folded or
  // opened beside it): watched, not measured once.
  var summaryWatch = window.ResizeObserver ? new ResizeObserver(function () { measureSummary(); }) : null;
  var watchedSummary = null;
  function measureSummary() {
    var summary = document.querySelector("[data-summary]");
    if (summary) {
      document.documentElement.style.setProperty("--cp-summary-height", summary.offsetHeight + "px");
      if (summaryWatch && summary !== watchedSummary) {
        if (watchedSummary) summaryWatch.unobserve(watchedSummary);
        summaryWatch.observe(summary);
        watchedSummary = summary;
      }
    }
  }
  measureSummary();
  window.addEventListener("resize", measureSummary);
  document.addEventListener("htmx:afterSettle", measureSummary);

  // A saved plan folds its inputs behind "Edit inputs" so a phone opens on the projection; a wide screen
  // has room for both side by side, so they open there.
  if (window.matchMedia("(min-width: 1024px)").matches) {
    document.querySelectorAll("details[data-fold-on-phone]").forEach(function (details) {
      details.open = true;
    });
  }

  // Figures from earlier inputs: while the form says something the shown projection does not (a number
  // being typed, a request under way, an input the browser refuses), the summary says "Not updated yet".
  var SKIP = { csrfmiddlewaretoken: true, version: true, title: true, notes: true };
  function formValues(form) {
    var pairs = [];
    new FormData(form).forEach(function (value, name) {
      if (!SKIP[name]) {
        pairs.push(name + "=" + value);
      }
    });
    return pairs.join("&");
  }
  var profileForm = document.getElementById("profile-form");
  var shownValues = profileForm ? formValues(profileForm) : null;
  var sentValues = shownValues;
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
  if (profileForm) {
    markStale();
    profileForm.addEventListener("input", markStale);
    profileForm.addEventListener("change", markStale);
    document.addEventListener("htmx:beforeRequest", function (event) {
      if (event.detail.elt === profileForm) {
        sentValues = formValues(profileForm);
      }
    });
    document.addEventListener("htmx:afterSettle", function (event) {
      if (event.detail.target && event.detail.target.id === "projection") {
        shownValues = sentValues;
        markStale();
      }
    });
  }

  // Pay typed in one currency, then a location that pays in another: ask before the live update reads the
  // same numbers in the new currency (convert at the data's rate, keep them, or clear them), apply the
  // choice in the fields, then update. The server asks the same question without JavaScript.
  var payQuestion = profileForm ? profileForm.querySelector("[data-pay-currency-question]") : null;
  if (payQuestion) {
    var locationSelect = profileForm.querySelector("select[name=location]");
    var payCurrency = profileForm.querySelector("input[name=pay_currency]");
    var payInputs = ["current_base", "current_bonus", "current_equity"].map(function (name) {
      return profileForm.querySelector("input[name=" + name + "]");
    });
    var currencies = JSON.parse(locationSelect.getAttribute("data-currencies") || "{}");
    var symbols = JSON.parse(locationSelect.getAttribute("data-symbols") || "{}");
    var usdPerUnit = JSON.parse(locationSelect.getAttribute("data-usd-per-unit") || "{}");
    var payTyped = function () {
      return payInputs.some(function (input) { return input && input.value.trim() !== ""; });
    };
    var locationCurrency = function () { return currencies[locationSelect.value] || ""; };
    var mismatch = function () {
      var typedIn = payCurrency.value;
      var now = locationCurrency();
      return typedIn && now && typedIn !== now && usdPerUnit[typedIn] && usdPerUnit[now] && payTyped();
    };
    // The label names the pay's currency as typed; the help (its words from the server's data-help templates)
    // names the chosen location's, and the typed one's too while the question is open.
    var labelPay = function (currency) {
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
    };
    var settle = function (currency) { // the pay fields now hold pay in `currency`
      payCurrency.value = currency;
      labelPay(currency);
      payQuestion.hidden = true;
      payQuestion.querySelectorAll("input[type=radio]").forEach(function (radio) { radio.checked = false; });
    };
    var applyChoice = function (choice) {
      var from = payCurrency.value;
      var to = locationCurrency();
      payInputs.forEach(function (input) {
        if (!input || input.value.trim() === "") {
          return;
        }
        if (choice === "clear") {
          input.value = "";
        } else if (choice === "convert") { // to the hundred, half up, as the server converts
          var amount = Number(input.value) * usdPerUnit[from] / usdPerUnit[to];
          input.value = String(Math.floor(amount / 100 + 0.5) * 100);
        }
      });
      settle(to);
    };
    var ask = function () {
      var words = payQuestion.querySelector("[data-pay-currency-words]");
      var from = payCurrency.value;
      var to = locationCurrency();
      var place = locationSelect.options[locationSelect.selectedIndex].text;
      words.textContent = "";
      var strong = document.createElement("strong");
      strong.textContent = "You typed your pay in " + from + " (" + symbols[from] + "), and " + place + " pays in " +
        to + " (" + symbols[to] + "). Convert it into " + to + " at the data's exchange rate, keep the numbers " +
        "as typed (now in " + to + "), or clear your pay? The figures wait for your choice.";
      words.appendChild(strong);
      labelPay(from);
      payQuestion.hidden = false;
      payQuestion.scrollIntoView({ block: "center", behavior: "instant" });
      var first = payQuestion.querySelector("input[type=radio]");
      if (first) {
        first.focus({ preventScroll: true });
      }
      var live = document.getElementById("live-region");
      if (live) {
        live.textContent = strong.textContent;
      }
    };
    // htmx asks before each live update; the values are read after this, so a choice applied here is sent.
    document.addEventListener("htmx:confirm", function (event) {
      if (event.detail.elt !== profileForm) {
        return;
      }
      var source = event.detail.triggeringEvent && event.detail.triggeringEvent.target;
      if (source && source.name === "pay_currency_choice") {
        applyChoice(source.value);
      } else if (mismatch()) {
        event.preventDefault(); // hold the update: the numbers would be read in the new currency
        ask();
      } else if (!payTyped() && locationCurrency()) {
        settle(locationCurrency()); // no pay yet: the fields simply speak the new location's currency
      } else if (!payQuestion.hidden) {
        settle(payCurrency.value); // back to the place the pay was typed for: nothing to ask
      }
    });
  }

  // Phones: a chart's tips would be drawn at half size, so the figures of the band focused, tapped or
  // pointed at are written under the chart instead (the drawing keeps its tips on wider screens).
  function chartReadouts() {
    document.querySelectorAll("figure.chart").forEach(function (figure) {
      if (figure.querySelector(".chart-readout")) {
        return;
      }
      var readout = document.createElement("p");
      readout.className = "chart-readout";
      readout.setAttribute("aria-hidden", "true"); // each band says the same to a screen reader itself
      var box = figure.querySelector(".chart-scroll") || figure.querySelector("svg");
      box.parentNode.insertBefore(readout, box.nextSibling);
    });
  }
  function showBand(event) {
    var bar = event.target.closest ? event.target.closest("figure.chart .bar") : null;
    if (!bar) {
      return;
    }
    var figure = bar.closest("figure.chart");
    var index = (bar.getAttribute("class").match(/\bb(\d+)\b/) || [])[1];
    var tip = index && figure.querySelector(".tips .t" + index);
    var readout = figure.querySelector(".chart-readout");
    if (tip && readout) {
      readout.textContent = tip.textContent.trim();
    }
  }
  // Phones draw role names larger than the chart placed them for (app.css): a name that would run past the
  // drawing's right edge moves left. On any screen a name that would overlap one already drawn is left out
  // (its band, the legend, the figures on tap and the table still name it).
  function fitChartNames() {
    var phone = window.matchMedia("(max-width: 575px)").matches;
    document.querySelectorAll("svg.chart-svg").forEach(function (svg) {
      var names = svg.querySelectorAll("text.name");
      var kept = [];
      var width = svg.getBoundingClientRect().width;
      var scale = width > 0 ? svg.viewBox.baseVal.width / width : 0;
      names.forEach(function (name) {
        if (!name.hasAttribute("data-x")) {
          name.setAttribute("data-x", name.getAttribute("x"));
        }
        name.setAttribute("x", name.getAttribute("data-x"));
        name.classList.remove("is-crowded");
        if (!scale) {
          return; // a hidden chart has no size
        }
        var box = name.getBoundingClientRect();
        var right = svg.getBoundingClientRect().right - 2;
        if (phone && box.right > right) { // wide screens draw names where the chart placed them
          name.setAttribute("x", String(Number(name.getAttribute("x")) - (box.right - right) * scale));
          box = name.getBoundingClientRect();
        }
        var crowded = kept.some(function (other) {
          return box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
        });
        if (crowded) {
          name.classList.add("is-crowded");
        } else {
          kept.push(box);
        }
      });
    });
  }
  chartReadouts();
  fitChartNames();
  window.addEventListener("resize", fitChartNames);
  document.addEventListener("htmx:afterSettle", chartReadouts);
  document.addEventListener("htmx:afterSettle", fitChartNames);
  document.addEventListener("focusin", showBand);
  document.addEventListener("click", showBand);
  document.addEventListener("mouseover", showBand);

  // A box whose figures come when first opened ("Why this figure", a track year by year): the link (or the
  // GET form's button) inside is the page without JavaScript; with it, htmx fetches that address into the
  // box. One address per box, not two: a live update carries a dozen of them. `toggle` does not bubble: listen while it is captured.
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

  // A part of the page fetched when it scrolls into view (earnings over the years, the what-ifs): the
  // link inside is the page without JavaScript; with it, htmx fetches that link in the part's place.
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
  watchParts();
  document.addEventListener("htmx:afterSettle", watchParts);

})();
