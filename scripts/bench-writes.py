#!/usr/bin/env python3
"""Writes at once, as the benchmark measures them (see scripts/bench.sh).

  bench-writes.py plans  BASE SECONDS TOKEN...   each token an editor saving their own unit's
                                                 draft plan (60 critical processes) as in the
                                                 browser: a process's form, read once, sent
                                                 again with one field changed per save (the
                                                 token finds the plan; the editor signs in with
                                                 their user name, password resilience-bench)
  bench-writes.py risks  BASE SECONDS TOKEN...   each token a security officer adding risks to
                                                 their own unit's register

One thread per token, each with its own kept-alive connection, saving again as soon as the last
save is answered, for SECONDS. Prints saves per second, p50 and p99 of the saves, and the
answers that were not 2xx (an editor whose plan changed under them would get 409: each editor
has their own plan, so none is expected; a save that answers without a new revision counts
as not 2xx too).
"""
import html.parser
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse
import uuid


class Client:
    def __init__(self, base, token):
        url = urllib.parse.urlparse(base)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        self.connection.request(method, path, body=data, headers=self.headers)
        response = self.connection.getresponse()
        text = response.read()
        return response.status, (json.loads(text) if text else None)


def me(client):
    status, me = client.call("GET", "/api/v1/me")
    if status != 200:
        sys.exit(f"the token does not sign in: {status}")
    return me


class Form(html.parser.HTMLParser):
    """The fields of the form posting to `action`, as a browser would send them unchanged."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields, self.select, self.textarea = action, False, {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = (a.get("action") or "").lower() == self.action.lower() and a.get("method") == "post"
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields[name] = a.get("value", "on")
            elif a.get("type") != "submit":
                self.fields[name] = a.get("value") or ""
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select:
            if "selected" in a or self.select not in self.fields:
                self.fields[self.select] = a.get("value") or ""
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data


def signed_in(base, username):
    """A browser's connection and cookies after signing in."""
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    cookies = {}

    def send(method, path, body=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode(body)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookies[name] = rest.split(";")[0]
        return response.status, text

    _, page = send("GET", "/sign-in")
    csrf = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
    status, _ = send("POST", "/sign-in", {"_csrf": csrf, "username": username,
                                          "password": "resilience-bench", "next": "/"})
    if status != 303:
        sys.exit(f"{username} cannot sign in: {status}")
    return send


def plan_editor(base, token, start, results):
    client = Client(base, token)
    me_ = me(client)
    unit = me_["user"]["homeUnitID"]
    status, plans = client.call("GET", f"/api/v1/units/{unit}/plans")
    draft = next(p for p in plans if p["state"] == "draft")
    status, detail = client.call("GET", f"/api/v1/plans/{draft['id']}")
    processes = detail["content"]["processes"]
    if len(processes) < 60:
        sys.exit(f"the editor's draft has {len(processes)} processes, not 60")
    send = signed_in(base, me_["user"]["username"])
    forms = []
    for process in processes:
        path = f"/plans/{draft['id']}/sections/processes/{process['id']}"
        form = Form(path)
        form.feed(send("GET", path)[1])
        forms.append((path, form.fields))
    until = start()
    n, run = 0, uuid.uuid4().hex[:8]  # a save is never the same as one before it
    while time.monotonic() < until:
        path, fields = forms[n % len(forms)]
        body = dict(fields, alternatives=f"Work from the sub-office (benchmark run {run}, save {n})",
                    _once=uuid.uuid4().hex)
        started = time.monotonic()
        status, _ = send("POST", path, body)
        # A save leads back to the list (303); the form shown again (422) says what was refused.
        results.append((time.monotonic() - started, 200 if status == 303 else status))
        n += 1


def risk_officer(base, token, start, results):
    client = Client(base, token)
    unit = me(client)["user"]["homeUnitID"]
    until = start()
    n = 0
    while time.monotonic() < until:
        body = {"kind": "security", "title": f"Benchmark risk {n}", "cause": "Armed conflict nearby",
                "consequence": "Staff cannot reach the office", "likelihood": 1 + n % 5,
                "impact": 1 + (n // 5) % 5, "owner": "Security officer", "treatment": "Relocate staff"}
        started = time.monotonic()
        status, _ = client.call("POST", f"/api/v1/units/{unit}/risks", body)
        results.append((time.monotonic() - started, status))
        n += 1


def main():
    kind, base, seconds, tokens = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4:]
    work = {"plans": plan_editor, "risks": risk_officer}[kind]
    results = []
    # Each writer makes ready (an editor reads their plan's forms), then all start together.
    ready = threading.Barrier(len(tokens) + 1)
    clock = {}

    def start():
        ready.wait()
        return clock["until"]

    threads = [threading.Thread(target=work, args=(base, t, start, results)) for t in tokens]
    for t in threads:
        t.start()
    while ready.n_waiting < len(tokens):
        time.sleep(0.05)
    started = time.monotonic()
    clock["until"] = started + seconds
    ready.wait()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    times = sorted(r[0] for r in results)
    if not times:
        sys.exit("no save was answered")
    failed = sum(1 for r in results if not 200 <= r[1] < 300)
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    print(f"{len(times) / elapsed:9.1f} saves/s  p50 {p(0.5):7.1f} ms  p99 {p(0.99):7.1f} ms  "
          f"{len(times)} saves by {len(tokens)} at once" + (f"  not 2xx: {failed}" if failed else ""))


if __name__ == "__main__":
    main()
