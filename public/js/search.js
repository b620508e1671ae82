// Search placeholder: shows the query from ?q= until full-text search ships.
(function () {
  'use strict';
  var q = (new URLSearchParams(location.search).get('q') || '').trim();
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  if (input) input.value = q;
  if (!q || !status) return;
  status.textContent = '你检索的是：「' + q + '」。全文检索尚未上线，暂时无法给出结果。';
  status.hidden = false;
})();
