// On the 404 page: addresses that earlier builds of the archive had and this
// one folds into others are sent on.
//   …/<page>/raw/#L12      → …/<page>/#L12   (the OCR text is part of the page view)
//   …/<page>/<n>/index.json → …/<page>/index.json   (one JSON file per page)
//   …/keywords/<word>/     → the search for the word (only keywords of several articles have a page)
(function () {
  'use strict';
  var path = location.pathname;
  var m = /^(.*\/[a-z0-9_-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/)raw(\/(index\.html)?)?$/.exec(path);
  if (m) return location.replace(m[1] + (location.hash || '#raw'));
  m = /^(.*\/[a-z0-9_-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/)\d+\/index\.json$/.exec(path);
  if (m) return location.replace(m[1] + 'index.json');
  m = /^(.*\/)keywords\/([^/]+)\/(index\.html)?$/.exec(path);
  if (m) location.replace(m[1] + 'search/?q=' + m[2]);
})();
