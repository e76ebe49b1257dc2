// Starts Swagger UI on the API documentation page (api/docs.html); the page says
// everything it needs to without it.
window.addEventListener("load", function () {
  var el = document.getElementById("swagger-ui");
  if (!el || typeof window.SwaggerUIBundle !== "function") return;
  window.SwaggerUIBundle({
    url: el.getAttribute("data-schema"),
    dom_id: "#swagger-ui",
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: false,
  });
});
