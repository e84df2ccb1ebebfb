// Starts Swagger UI on the page served at /api/docs/ui. A file of its own, not an inline
// script: the page's Content-Security-Policy allows scripts from the gateway only.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-spec-url"),  // the merged document, same origin
    dom_id: "#swagger-ui",
    deepLinking: true,
    displayOperationId: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    validatorUrl: null  // no badge fetched from a third-party validator
  });
})();
