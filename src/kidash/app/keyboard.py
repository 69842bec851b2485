"""Keyboard paths Streamlit's own widgets lack: a popover's controls follow its button.

Streamlit draws a popover's body in a layer at the end of the document, so a keyboard user who
opens one with Enter finds its controls only after every other control on the page (WCAG 2.4.3,
focus order). :data:`POPOVER_FOCUS` is a page script, installed once per page, that makes a
popover behave like a disclosure in the page's order:

- opening it (Enter, Space or a click) moves the focus to it, and Tab on to its controls;
- Tab past its last control closes it and goes on to the control after its button;
- Shift+Tab before its first control closes it and goes back to its button;
- Escape (Streamlit's own) closes it and leaves the focus on its button.

The script is a constant: no value from data or from the person reaches it.
"""

from __future__ import annotations

__all__ = ["POPOVER_FOCUS"]

POPOVER_FOCUS = """<script>(function () {
  var w = window;
  if (w.kdPopoverFocus) { return; }
  w.kdPopoverFocus = true;
  var FOCUSABLE = 'button:not([disabled]), input:not([disabled]), a[href], select:not([disabled]), '
    + 'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  var trigger = null;
  function shown(el) { return el.getClientRects().length > 0; }
  function inside(el) { return Boolean(el.closest('[data-testid="stPopoverBody"]')); }
  function controls(body) { return Array.prototype.filter.call(body.querySelectorAll(FOCUSABLE), shown); }
  function body() {
    var bodies = document.querySelectorAll('[data-testid="stPopoverBody"]');
    return bodies.length ? bodies[bodies.length - 1] : null;
  }
  function after(button) {
    var all = Array.prototype.filter.call(document.querySelectorAll(FOCUSABLE), function (el) {
      return shown(el) && !inside(el);
    });
    var at = all.indexOf(button);
    return at >= 0 && at + 1 < all.length ? all[at + 1] : null;
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-testid="stPopoverButton"]');
    if (!button || button.getAttribute('aria-expanded') === 'true') { return; }  // a click that closes it
    trigger = button;
    var tries = 0;
    (function focusBody() {
      // The body itself, not its first control: a control Streamlit has yet to load (it loads a
      // widget's script when it is first shown) would be skipped; Tab goes on from here in order.
      var open = body();
      if (open) {
        if (!open.hasAttribute('tabindex')) { open.setAttribute('tabindex', '-1'); }
        open.focus();
        return;
      }
      if (++tries < 60) { requestAnimationFrame(focusBody); }
    })();
  }, true);
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Tab' || !trigger || !inside(document.activeElement)) { return; }
    var open = body();
    var list = open ? controls(open) : [];
    var here = document.activeElement;
    var leaving = event.shiftKey ? here === open || here === list[0] : !list.length || here === list[list.length - 1];
    if (!leaving) { return; }
    event.preventDefault();
    var button = trigger;
    var next = event.shiftKey ? button : after(button);
    trigger = null;
    button.click();
    (next || button).focus();
  }, true);
})();</script>"""
