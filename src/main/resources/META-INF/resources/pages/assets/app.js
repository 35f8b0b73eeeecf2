// Enhancements only: every page works without this file.
(function () {
  'use strict';
  var KEY = 'inson-assess-draft';
  var form = document.getElementById('intake');

  var summary = document.querySelector('[data-focus]');
  if (summary) { summary.focus(); }

  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.addEventListener('click', function () { window.print(); });
  });

  // An assessment was stored: the draft it came from is no longer needed.
  if (document.querySelector('[data-saved]')) {
    try { localStorage.removeItem(KEY); } catch (e) { /* storage off: nothing to clear */ }
  }
  if (!form || !form.hasAttribute('data-draft')) { return; }

  // Enter in a field assesses, never removes a member (the first button in the form would otherwise be pressed).
  form.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target.tagName === 'INPUT') {
      e.preventDefault();
      form.querySelector('button[value=assess]').click();
    }
  });

  // Keep what the worker typed in this browser, so a dropped connection or a closed tab loses nothing.
  function save() {
    var data = {};
    new FormData(form).forEach(function (value, name) {
      if (name === '_token') { return; }
      (data[name] = data[name] || []).push(value);
    });
    try { localStorage.setItem(KEY, JSON.stringify({ at: Date.now(), fields: data })); } catch (e) { /* storage full or off */ }
  }
  form.addEventListener('input', save);
  form.addEventListener('change', save);

  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(KEY) || 'null'); } catch (e) { saved = null; }
  if (!saved || document.querySelector('[data-saved]') || document.querySelector('.error-summary')) { return; }
  var restore = document.createElement('p');
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = form.getAttribute('data-restore-label') || 'Restore draft';
  restore.appendChild(button);
  form.insertBefore(restore, form.firstChild);
  button.addEventListener('click', function () {
    Object.keys(saved.fields).forEach(function (name) {
      form.querySelectorAll('[name="' + CSS.escape(name) + '"]').forEach(function (field) {
        var values = saved.fields[name];
        if (field.type === 'checkbox' || field.type === 'radio') {
          field.checked = values.indexOf(field.value) >= 0;
        } else {
          field.value = values[0];
        }
      });
    });
    restore.remove();
  });
})();
