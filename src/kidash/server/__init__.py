"""The HTTP edge: security headers, the page's base URL, the session check's path."""
