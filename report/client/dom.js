// dom.js: the one way the page makes elements. History strings (keys, values, messages)
// are data, so they go in as textContent and never as markup.

/** element makes an element with a class and text content. */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
