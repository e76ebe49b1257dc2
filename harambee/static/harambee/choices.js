/* A filter box over a long list of checkboxes (core/editor.py ChoiceList). Without
   JavaScript the list is a scrolling box of checkboxes; with it, typing narrows the
   list (accents and case aside) and chosen ones always stay in view. */
(function () {
  "use strict";
  if (window.harambeeChoices) return;
  window.harambeeChoices = true;
  function fold(s) { return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }
  function init() {
    document.querySelectorAll("[data-choices]:not([data-choices-ready])").forEach(function (box) {
      box.setAttribute("data-choices-ready", "");
      var rows = Array.prototype.slice.call(box.querySelectorAll(".options label"));
      if (rows.length < 8) return;
      var input = document.createElement("input");
      input.type = "search";
      input.className = "filter";
      input.setAttribute("aria-label", box.getAttribute("data-t-filter"));
      var status = document.createElement("p");
      status.className = "helptext";
      status.setAttribute("aria-live", "polite");
      var folded = rows.map(function (l) { return fold(l.textContent); });
      function update() {
        var q = fold(input.value.trim()), shown = 0, chosen = 0;
        rows.forEach(function (label, i) {
          var checked = label.querySelector("input").checked;
          var show = !q || checked || folded[i].indexOf(q) >= 0;
          (label.parentElement.tagName === "DIV" ? label.parentElement : label).hidden = !show;
          if (show) shown++;
          if (checked) chosen++;
        });
        status.textContent = (q ? box.getAttribute("data-t-shown").replace("{count}", shown) + " · " : "") +
          box.getAttribute("data-t-selected").replace("{count}", chosen);
      }
      input.addEventListener("input", update);
      input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") ev.preventDefault(); });
      box.addEventListener("change", update);
      box.insertBefore(status, box.firstChild);
      box.insertBefore(input, box.firstChild);
      update();
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}());
