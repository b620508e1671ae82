// The OCR text of a page view sits in a closed <details id="raw">. A link to
// #raw or to one of its lines (#L12) opens it and brings the line into view;
// some browsers do this by themselves, the others need this script. Without
// JavaScript the section opens with a click on its summary.
(function () {
  'use strict';
  var raw = document.getElementById('raw');
  if (!raw) return;
  function show() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target || (target !== raw && !raw.contains(target))) return;
    if (!raw.open) {
      raw.open = true;
      target.scrollIntoView({ block: target === raw ? 'start' : 'center' });
    }
  }
  show();
  window.addEventListener('hashchange', show);
})();
