/* Pictures in a text (core/editor.py): with JavaScript, the editor's "Insert the
   picture" button sends the picture on its own and puts its Markdown where the
   cursor is. Without it, the button sends the whole form instead. Loaded only by
   editors that take pictures. */
(function () {
  "use strict";
  if (window.harambeeEditorImages) return;
  window.harambeeEditorImages = true;

  function images(box, ta, form) {
    var panel = box.querySelector("[data-image-url]");
    var token = form && form.querySelector("[name=csrfmiddlewaretoken]");
    if (!panel || !token) return;
    var file = panel.querySelector("input[type=file]"), alt = panel.querySelector("input[type=text]");
    var message = message_element();
    panel.appendChild(message);
    panel.querySelector("[data-insert-image]").addEventListener("click", function (ev) {
      ev.preventDefault();
      var data = new FormData();
      data.append("csrfmiddlewaretoken", token.value);
      data.append("alt", alt.value);
      if (file.files[0]) data.append("image", file.files[0]);
      message.textContent = "";
      fetch(panel.getAttribute("data-image-url"), { method: "POST", body: data, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (d) {
          if (d.error) { message.textContent = d.error; return; }
          var at = ta.selectionEnd, v = ta.value;
          var before = v.slice(0, at), gap = before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? "\n" : "\n\n") : "";
          ta.value = before + gap + d.markdown + "\n" + v.slice(at);
          file.value = "";
          alt.value = "";
          panel.open = false;
          ta.focus();
          ta.dispatchEvent(new Event("input", { bubbles: true }));
        })
        .catch(function () { message.textContent = box.getAttribute("data-t-offline"); });
    });
  }

  function message_element() {
    var p = document.createElement("p");
    p.className = "errorlist";
    p.setAttribute("role", "alert");
    return p;
  }
  function init() {
    document.querySelectorAll("[data-editor] [data-image-url]:not([data-image-ready])").forEach(function (panel) {
      panel.setAttribute("data-image-ready", "");
      var box = panel.closest("[data-editor]"), ta = box.querySelector("textarea");
      if (ta) images(box, ta, ta.form);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}());
