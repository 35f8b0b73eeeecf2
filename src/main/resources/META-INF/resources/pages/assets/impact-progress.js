// Keeps a running analysis's progress current without reloading the page: a page that reloads itself every few seconds
// takes a screen reader back to its top and the keyboard off the stop button (WCAG 2.2.1). It reads the page again every
// two seconds and copies the progress in; once the analysis has finished (or the session has ended) it loads the page
// once more, which then shows the report or the sign-in.
(function () {
  'use strict';
  var field = document.getElementById('impact-progress-field');
  if (!field || field.dataset.running !== 'true' || !window.fetch || !window.DOMParser) { return; }
  function poll() {
    window.fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var latest = new window.DOMParser().parseFromString(html, 'text/html').getElementById('impact-progress-field');
        if (!latest || latest.dataset.running !== 'true') {
          window.location.replace(window.location.href);
          return;
        }
        ['label', 'progress', '[role=status]'].forEach(function (selector) {
          var now = field.querySelector(selector);
          var then = latest.querySelector(selector);
          if (now.textContent !== then.textContent) { now.textContent = then.textContent; }
          if (selector === 'progress') { now.value = then.value; }
        });
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
}());
