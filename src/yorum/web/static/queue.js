// Editors' queue: j/k move, a approve, r reject, e reason, x select, ? help. No inline script.
(function () {
  "use strict";
  var form = document.getElementById("queue-form");
  if (!form) return;
  var cards = Array.prototype.slice.call(form.querySelectorAll("article.card"));
  var focusField = document.getElementById("focus-field");
  var help = document.getElementById("help");
  var current = Math.min(parseInt(form.dataset.focus || "0", 10) || 0, Math.max(cards.length - 1, 0));

  function select(index) {
    if (!cards.length) return;
    current = Math.max(0, Math.min(cards.length - 1, index));
    cards.forEach(function (card, i) { card.classList.toggle("current", i === current); });
    cards[current].scrollIntoView({ block: "nearest" });
    focusField.value = String(current);
  }

  function press(selector) {
    var card = cards[current];
    if (!card) return;
    var button = card.querySelector(selector);
    if (button) { focusField.value = String(current); button.click(); }
  }

  cards.forEach(function (card, i) {
    card.addEventListener("click", function () { select(i); });
    var reason = card.querySelector("input.reason");
    if (reason) {
      reason.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); select(i); press("button.reject"); }
        if (event.key === "Escape") { reason.blur(); }
      });
    }
  });

  var all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () {
      form.querySelectorAll("input[name=ids]").forEach(function (box) { box.checked = all.checked; });
    });
  }

  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || event.ctrlKey || event.metaKey || event.altKey) return;
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "a": press("button.approve"); break;
      case "r": press("button.reject"); break;
      case "x": var box = cards[current] && cards[current].querySelector("input[name=ids]");
        if (box) box.checked = !box.checked; break;
      case "e": var input = cards[current] && cards[current].querySelector("input.reason");
        if (input) input.focus(); break;
      case "?": if (help) help.open = !help.open; break;
      default: return;
    }
    event.preventDefault();
  });

  select(current);
})();
