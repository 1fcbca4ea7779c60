// Screen readers hear what changed after the projection is swapped in.
CareerPath.behaviour("announce", {
  settle: function (event) {
    if (!CareerPath.isProjection(event)) {
      return;
    }
    var said = document.querySelector("#projection [data-announce]");
    CareerPath.say((said && said.getAttribute("data-announce")) || "Projection updated.");
  },
});
