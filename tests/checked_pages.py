"""Browser pages that check themselves: after the test, no JavaScript error, no CSP violation
and no request off the site's origin (the page fixtures, and a test module's shared page)."""


class RequestLog:
    """Every URL a page requested, so tests can assert nothing left the site's origin."""

    def __init__(self, origin):
        self.origin = origin
        self.urls = []  # every request made
        self.finished = []  # requests that completed (a failed cache probe does not)

    def record(self, request):
        self.urls.append(request.url)

    def record_finished(self, request):
        self.finished.append(request.url)

    def foreign(self):
        return [url for url in self.urls if not url.startswith(("data:", "blob:", self.origin))]


def csp_violations(console_message):
    """The browser reports what the Content-Security-Policy blocked as console errors."""
    text = console_message.text
    return [text] if console_message.type == "error" and "Content Security Policy" in text else []


def checked_pages(browser, origin, **context_options):
    """A fresh browser context and page. After the test: no JavaScript errors or CSP violations
    happened and no request left the site's origin."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.requests = RequestLog(origin.rstrip("/"))
    page.on("request", page.requests.record)
    page.on("requestfinished", page.requests.record_finished)
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.on("console", lambda message: errors.extend(csp_violations(message)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
    assert page.requests.foreign() == []
