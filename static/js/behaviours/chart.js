// The pay chart on any screen: the figures of the band focused, tapped or pointed at, and role names that fit.
(function () {
  "use strict";

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

  CareerPath.behaviour("chart", {
    start: function () {
      chartReadouts();
      fitChartNames();
      window.addEventListener("resize", fitChartNames);
      document.addEventListener("focusin", showBand);
      document.addEventListener("click", showBand);
      document.addEventListener("mouseover", showBand);
    },
    settle: function () {
      chartReadouts();
      fitChartNames();
    },
  });
})();
