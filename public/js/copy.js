// Copy buttons: <button data-copy-target="id" hidden> copies the text of #id.
// Without JavaScript the button stays hidden and the text is plain, selectable text.
(function () {
  'use strict';
  if (!navigator.clipboard) return;
  document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
    var target = document.getElementById(button.getAttribute('data-copy-target'));
    if (!target) return;
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(target.textContent.trim()).then(
        function () { button.textContent = '已复制'; },
        function () { button.textContent = '复制失败，请手动选择'; }
      );
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });
})();
