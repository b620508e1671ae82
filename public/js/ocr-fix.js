// Corrected OCR characters (span.ocr-fix): a tap or click shows the scan's
// reading (the note inside the mark) and a second tap, a tap elsewhere or
// Escape hides it; the note is moved sideways to stay on screen. Without
// JavaScript the stylesheet still shows the note on hover and focus.
(function () {
  'use strict';
  var marks = document.querySelectorAll('.ocr-fix');
  if (!marks.length) return;
  document.documentElement.classList.add('ocr-fix-js');

  // Keep the note inside the viewport (8 px margin): it is centred under the mark.
  function place(mark) {
    var note = mark.querySelector('.ocr-fix__note');
    if (!note) return;
    note.style.removeProperty('--ocr-fix-shift');
    var r = note.getBoundingClientRect();
    if (!r.width) return;
    var room = document.documentElement.clientWidth;
    var shift = r.left < 8 ? 8 - r.left : r.right > room - 8 ? room - 8 - r.right : 0;
    if (shift) note.style.setProperty('--ocr-fix-shift', Math.round(shift) + 'px');
  }

  function closeAll(except) {
    document.querySelectorAll('.ocr-fix[data-open]').forEach(function (m) {
      if (m !== except) m.removeAttribute('data-open');
    });
  }

  document.addEventListener('click', function (e) {
    var mark = e.target instanceof Element ? e.target.closest('.ocr-fix') : null;
    closeAll(mark);
    if (!mark) return;
    mark.removeAttribute('data-dismissed');
    if (mark.hasAttribute('data-open')) mark.removeAttribute('data-open');
    else {
      mark.setAttribute('data-open', '');
      place(mark);
    }
  });

  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    closeAll(null);
    var active = document.activeElement;
    if (active && active.classList.contains('ocr-fix')) active.setAttribute('data-dismissed', '');
  });

  marks.forEach(function (mark) {
    mark.addEventListener('mouseenter', function () { place(mark); });
    mark.addEventListener('focus', function () { place(mark); });
    mark.addEventListener('blur', function () { mark.removeAttribute('data-dismissed'); });
    mark.addEventListener('mouseleave', function () { mark.removeAttribute('data-dismissed'); });
  });
})();
