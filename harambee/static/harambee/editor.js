/* Harambee's Markdown editor (core/editor.py, docs/architecture.md "Writing").
   Progressive enhancement of a plain <textarea>: a toolbar, autosaved drafts (on the
   server for signed-in writers, and in this browser when the server cannot be
   reached), and @mention / #tag suggestions (pictures: editor-images.js). Without
   it the textarea and the "Preview" button still work. Words come from data-t-* attributes of the page. */
(function () {
  "use strict";
  if (window.harambeeEditor) return;
  window.harambeeEditor = true;

  var SAVE_EVERY = window.harambeeAutosaveMs || 10000;
  var seq = 0;

  function t(box, name) { return box.getAttribute("data-t-" + name) || ""; }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  function changed(ta) { ta.dispatchEvent(new Event("input", { bubbles: true })); }

  /* Toolbar */
  function wrap(ta, before, after, placeholder) {
    var s = ta.selectionStart, e = ta.selectionEnd, v = ta.value;
    var inner = v.slice(s, e) || placeholder;
    ta.value = v.slice(0, s) + before + inner + after + v.slice(e);
    ta.setSelectionRange(s + before.length, s + before.length + inner.length);
  }
  function prefixLines(ta, prefix) {
    var v = ta.value, s = v.lastIndexOf("\n", ta.selectionStart - 1) + 1, e = ta.selectionEnd;
    var lines = v.slice(s, e).split("\n").map(function (l) { return prefix + l; }).join("\n");
    ta.value = v.slice(0, s) + lines + v.slice(e);
    ta.setSelectionRange(s + lines.length, s + lines.length);
  }
  var ACTIONS = {
    bold: function (ta, box) { wrap(ta, "**", "**", t(box, "bold").toLowerCase()); },
    italic: function (ta, box) { wrap(ta, "_", "_", t(box, "italic").toLowerCase()); },
    link: function (ta, box) { wrap(ta, "[", "](https://)", t(box, "link-text")); },
    list: function (ta) { prefixLines(ta, "- "); },
    quote: function (ta) { prefixLines(ta, "> "); },
    heading: function (ta) { prefixLines(ta, "## "); },
    code: function (ta, box) {
      var multi = ta.value.slice(ta.selectionStart, ta.selectionEnd).indexOf("\n") >= 0;
      if (multi) wrap(ta, "```\n", "\n```", ""); else wrap(ta, "`", "`", t(box, "code").toLowerCase());
    }
  };
  function toolbar(box, ta) {
    var bar = el("div", { role: "toolbar", "aria-label": t(box, "toolbar"), "aria-controls": ta.id, class: "editor-toolbar" });
    Object.keys(ACTIONS).forEach(function (name) {
      var b = el("button", { type: "button", class: "secondary", "data-action": name }, t(box, name));
      b.addEventListener("click", function () { ACTIONS[name](ta, box); ta.focus(); changed(ta); });
      bar.appendChild(b);
    });
    // One tab stop; arrow keys move along the toolbar (the ARIA toolbar pattern).
    var buttons = Array.prototype.slice.call(bar.children);
    buttons.forEach(function (b, i) { b.tabIndex = i === 0 ? 0 : -1; });
    bar.addEventListener("keydown", function (ev) {
      var i = buttons.indexOf(document.activeElement), next = -1;
      if (ev.key === "ArrowRight") next = (i + 1) % buttons.length;
      else if (ev.key === "ArrowLeft") next = (i - 1 + buttons.length) % buttons.length;
      else if (ev.key === "Home") next = 0;
      else if (ev.key === "End") next = buttons.length - 1;
      if (next < 0) return;
      ev.preventDefault();
      buttons.forEach(function (b, j) { b.tabIndex = j === next ? 0 : -1; });
      buttons[next].focus();
    });
    ta.addEventListener("keydown", function (ev) {
      if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return;
      var name = { b: "bold", i: "italic", k: "link" }[ev.key.toLowerCase()];
      if (!name) return;
      ev.preventDefault();
      ACTIONS[name](ta, box);
      changed(ta);
    });
    box.insertBefore(bar, ta);
  }

  /* Drafts */
  function drafts(box, ta, form) {
    var url = box.getAttribute("data-draft-url");
    var token = form && form.querySelector("[name=csrfmiddlewaretoken]");
    if (!url || !token || !ta.name) return;
    var key = location.pathname + "#" + ta.name;
    var store = "harambee-draft:" + key;
    var note = el("p", { class: "draft-note", "aria-live": "polite" });
    box.insertBefore(note, ta);
    var hidden = el("input", { type: "hidden", name: "_draft", value: key });
    form.appendChild(hidden);
    var dirty = false, original = ta.value;

    function readLocal() {
      try { return JSON.parse(localStorage.getItem(store) || "null"); } catch (e) { return null; }
    }
    function writeLocal(synced, submitted) {
      try { localStorage.setItem(store, JSON.stringify({ body: ta.value, t: Date.now(), synced: synced, submitted: !!submitted })); } catch (e) { /* full or off */ }
    }
    function dropLocal() { try { localStorage.removeItem(store); } catch (e) { /* off */ } }
    function post(data) {
      var body = new URLSearchParams(data);
      body.set("csrfmiddlewaretoken", token.value);
      body.set("key", key);
      return fetch(url, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" });
    }
    function restored(body, message) {
      ta.value = body;
      note.textContent = message + " ";
      var discard = el("button", { type: "button", class: "secondary" }, t(box, "discard"));
      discard.addEventListener("click", function () {
        ta.value = original;
        note.textContent = "";
        dropLocal();
        post({ discard: "1" }).catch(function () { /* kept until the form is saved */ });
        ta.focus();
      });
      note.appendChild(discard);
    }
    // Asked when the writer comes back to the text (it takes the focus), or at once
    // if this browser kept a copy: not on every page that merely has a form.
    var asked = false;
    function check() {
      if (asked) return;
      asked = true;
      var atCheck = ta.value;
      fetch(url + "?key=" + encodeURIComponent(key), { credentials: "same-origin", redirect: "manual", headers: { Accept: "application/json" } })
        .then(function (r) {
          if (r.type === "opaqueredirect") return "anonymous";
          if (r.status === 204) return null;
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then(function (d) {
          var local = readLocal();
          if (d === "anonymous") { url = null; return; }
          if (ta.value !== atCheck) return; // typing began meanwhile: keep it
          // Sent with its form, and the server has no draft: it was saved.
          if (local && local.submitted && !d) { dropLocal(); return; }
          if (local && !local.synced && local.body !== ta.value && (!d || local.t > Date.parse(d.updated))) {
            restored(local.body, t(box, "restored-local").replace("{time}", new Date(local.t).toLocaleString()));
          } else if (d && d.body !== ta.value) {
            restored(d.body, t(box, "restored").replace("{time}", d.updated_text));
          } else if (!d) {
            dropLocal();
          }
        })
        .catch(function () {
          var local = readLocal();
          if (local && local.body !== ta.value && ta.value === atCheck) {
            restored(local.body, t(box, "restored-local").replace("{time}", new Date(local.t).toLocaleString()));
          }
        });
    }
    if (readLocal()) check();
    else ta.addEventListener("focus", check);
    ta.addEventListener("input", function () { dirty = true; writeLocal(false); });
    form.addEventListener("submit", function () { if (ta.value) writeLocal(false, true); });
    setInterval(function () {
      if (!dirty || !url) return;
      dirty = false;
      post({ body: ta.value })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          writeLocal(true);
          if (note.textContent === t(box, "offline")) note.textContent = "";
        })
        .catch(function () { dirty = true; note.textContent = t(box, "offline"); });
    }, SAVE_EVERY);
  }

  /* @mention and #tag suggestions: a list box under the textarea, chosen from the
     keyboard (arrows, Enter, Escape) while focus stays in the text. */
  var TOKEN = /(^|[^\p{L}\p{M}\p{N}_@.\/&#])([@#])([\p{L}\p{M}\p{N}_]{1,40})$/u;
  function suggestions(box, ta) {
    var url = box.getAttribute("data-suggest-url");
    if (!url || !ta.id) return;
    var list = el("ul", { role: "listbox", id: ta.id + "_suggestions", class: "suggestions", "aria-label": t(box, "suggestions"), hidden: "" });
    var status = el("p", { class: "visually-hidden", "aria-live": "polite" });
    ta.after(list, status);
    ta.setAttribute("aria-autocomplete", "list");
    ta.setAttribute("aria-controls", list.id);
    var items = [], active = -1, token = null, timer = 0, asked = 0;

    function close() {
      list.hidden = true;
      list.textContent = "";
      items = [];
      active = -1;
      ta.removeAttribute("aria-activedescendant");
    }
    function mark(i) {
      active = i;
      items.forEach(function (li, j) { li.setAttribute("aria-selected", j === i ? "true" : "false"); });
      if (i >= 0) { ta.setAttribute("aria-activedescendant", items[i].id); items[i].scrollIntoView({ block: "nearest" }); }
      else ta.removeAttribute("aria-activedescendant");
    }
    function pick(i) {
      var li = items[i];
      if (!li || !token) return;
      var end = ta.selectionStart, start = end - token.length;
      var text = li.getAttribute("data-value") + " ";
      ta.value = ta.value.slice(0, start) + text + ta.value.slice(end);
      ta.setSelectionRange(start + text.length, start + text.length);
      close();
      changed(ta);
    }
    function show(results) {
      close();
      if (!results.length) return;
      results.forEach(function (r, i) {
        var li = el("li", { role: "option", id: ta.id + "_option_" + ++seq, "aria-selected": "false", "data-value": r.value }, r.label);
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
        list.appendChild(li);
        items.push(li);
      });
      list.hidden = false;
      mark(0);
      status.textContent = t(box, "count").replace("{count}", results.length);
    }
    ta.addEventListener("input", function () {
      var m = ta.value.slice(0, ta.selectionStart).match(TOKEN);
      clearTimeout(timer);
      if (!m) { token = null; close(); return; }
      token = m[2] + m[3];
      var wanted = token, ticket = ++asked;
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(wanted), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (d) { if (ticket === asked && token === wanted) show(d.results || []); })
          .catch(close);
      }, 150);
    });
    ta.addEventListener("keydown", function (ev) {
      if (list.hidden) return;
      if (ev.key === "ArrowDown") { ev.preventDefault(); mark((active + 1) % items.length); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); mark((active - 1 + items.length) % items.length); }
      else if (ev.key === "Enter" || ev.key === "Tab") { if (active >= 0) { ev.preventDefault(); pick(active); } }
      else if (ev.key === "Escape") { ev.preventDefault(); close(); }
    });
    ta.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  /* Enter in a one-line field sends a form with its first submit button, which is
     now a "Preview" button: send it with the form's own button instead. */
  function enterSends(form) {
    if (!form || form.hasAttribute("data-enter-sends")) return;
    form.setAttribute("data-enter-sends", "");
    form.addEventListener("keydown", function (ev) {
      var target = ev.target;
      if (ev.key !== "Enter" || ev.defaultPrevented || target.tagName !== "INPUT" || /^(button|submit|checkbox|radio|file)$/.test(target.type)) return;
      var buttons = Array.prototype.filter.call(form.querySelectorAll("button, input[type=submit]"), function (b) {
        return b.type === "submit" && b.form === form;
      });
      if (!buttons.length || buttons[0].name !== "_preview") return;
      var own = buttons.filter(function (b) { return b.name !== "_preview"; }).pop();
      ev.preventDefault();
      if (own) own.click();
    });
  }

  function init(root) {
    (root || document).querySelectorAll("[data-editor]:not([data-editor-ready])").forEach(function (box) {
      var ta = box.querySelector("textarea");
      if (!ta) return;
      box.setAttribute("data-editor-ready", "");
      toolbar(box, ta);
      drafts(box, ta, ta.form);
      suggestions(box, ta);
      enterSends(ta.form);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { init(); });
  else init();
  // Forms fetched later with htmx (a reply form) come with their editor.
  document.addEventListener("htmx:load", function (ev) { init(ev.target); });
}());
