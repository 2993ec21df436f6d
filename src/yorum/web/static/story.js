// Story page: a debounced pre-check while typing, and the one-click fix. No inline script (CSP).
(function () {
  "use strict";
  var form = document.getElementById("comment-form-el");
  if (!form) return;
  var textarea = form.querySelector("textarea[name=text]");
  var panel = document.getElementById("precheck");
  var lang = document.documentElement.lang === "en" ? "en" : "tr";
  var timer = null;
  var seq = 0;

  function moderate(text) {
    return fetch("/api/v1/moderate", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ text: text }),
      credentials: "same-origin",
    }).then(function (r) {
      if (!r.ok) throw new Error("status " + r.status);
      return r.json();
    });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function applyText(value) {
    textarea.value = value;
    textarea.focus();
    schedule();
  }

  function show(verdict) {
    panel.replaceChildren();
    panel.hidden = false;
    panel.className = "precheck precheck-" + verdict.decision;
    var key = verdict.decision === "approved" ? "ok" : verdict.decision;
    panel.appendChild(el("p", "precheck-status", panel.dataset[key] || ""));
    var blocking = verdict.violations.filter(function (v) { return v.severity !== "advice"; });
    if (blocking.length) {
      var list = el("ul", "clauses");
      blocking.forEach(function (v) {
        list.appendChild(el("li", "clause sev-" + v.severity, (v.message && v.message[lang]) || v.rule));
      });
      panel.appendChild(list);
    }
    if (verdict.suggestion) {
      var button = el("button", "fix-button", panel.dataset.fix);
      button.type = "button";
      button.addEventListener("click", function () { applyText(verdict.suggestion); });
      panel.appendChild(button);
    }
  }

  function check() {
    var text = textarea.value;
    if (!text.trim()) { panel.hidden = true; return; }
    var mine = ++seq;
    moderate(text).then(function (verdict) {
      if (mine === seq) show(verdict);
    }).catch(function () { panel.hidden = true; });
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, 700);
  }

  textarea.addEventListener("input", schedule);

  // The server's "apply the fix" button works without script; with it, no round trip.
  document.querySelectorAll("button.fix-button[data-suggestion]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var verdictBox = document.getElementById("verdict");
      if (textarea.value === button.dataset.original) {
        applyText(button.dataset.suggestion);
        if (verdictBox) verdictBox.classList.add("fixed");
        return;
      }
      moderate(textarea.value).then(function (verdict) {
        if (verdict.suggestion) applyText(verdict.suggestion);
        if (verdictBox) verdictBox.classList.add("fixed");
      }).catch(function () { form.requestSubmit(button); });
    });
  });
})();
