/* kadr default theme: optional enhancements. Every page works without this file.
   1. Remembers the low-vision mode (the checkbox #low-vision switches it by CSS alone).
   2. On the list page, filters the vacancies by unit and category as you choose them,
      instead of following the links to the pre-rendered filter pages. */
(function () {
  "use strict";

  var KEY = "kadr-low-vision";

  function remember(on) {
    try {
      if (on) localStorage.setItem(KEY, "1");
      else localStorage.removeItem(KEY);
    } catch (e) { /* storage disabled: the mode lasts for this page only */ }
  }

  function remembered() {
    try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }

  var lowVision = document.getElementById("low-vision");
  if (lowVision) {
    if (remembered()) lowVision.checked = true;
    lowVision.addEventListener("change", function () { remember(lowVision.checked); });
  }

  var form = document.querySelector("form[data-filter-form]");
  var count = document.getElementById("vacancy-count");
  if (!form || !count) return;

  // "21 вакансия", "22 вакансии", "25 вакансий": the page carries the count text for one
  // example number of each plural category; the number in it is replaced.
  var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang) : null;
  function countText(n) {
    if (n === 0) return count.getAttribute("data-zero");
    var example = count.getAttribute("data-" + (rules ? rules.select(n) : "other")) || count.getAttribute("data-other");
    return example.replace(/\d+/, String(n));
  }

  var unit = form.elements.unit;
  var category = form.elements.category;
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.unit[data-unit]"));

  function apply() {
    var total = 0;
    sections.forEach(function (section) {
      var shown = 0;
      Array.prototype.forEach.call(section.querySelectorAll("li.card"), function (card) {
        var match = (!unit.value || card.getAttribute("data-unit") === unit.value) &&
          (!category.value || card.getAttribute("data-category") === category.value);
        card.hidden = !match;
        if (match) shown += 1;
      });
      section.hidden = shown === 0;
      var sectionCount = section.querySelector(".unit-count");
      if (sectionCount) sectionCount.textContent = "(" + countText(shown) + ")";
      total += shown;
    });
    count.textContent = countText(total);
  }

  var links = form.parentNode.querySelector(".filter-groups");
  if (links) links.hidden = true;
  form.hidden = false;
  form.addEventListener("change", apply);
  // The list filters as the choices change; the button (for keyboard users, who may
  // prefer to choose both first) applies them too, without leaving the page.
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  // A browser may restore the choices on "back": show what they select.
  if (unit.value || category.value) apply();
})();
