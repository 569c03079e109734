// Runs at the start of <body>: tells GOV.UK Frontend's CSS that its JavaScript will run.
// Kept in a file, not inline, so the Content-Security-Policy needs no 'unsafe-inline'.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
