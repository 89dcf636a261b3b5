#!/usr/bin/env python3
"""Writes at once, as the benchmark measures them (see scripts/bench.sh).

  bench-writes.py plans  BASE SECONDS TOKEN...   each token an editor saving their own unit's
                                                 draft plan (60 critical processes): one field
                                                 of one process changed per save, through the API
  bench-writes.py risks  BASE SECONDS TOKEN...   each token a security officer adding risks to
                                                 their own unit's register

One thread per token, each with its own kept-alive connection, saving again as soon as the last
save is answered, for SECONDS. Prints saves per second, p50 and p99 of the saves, and the
answers that were not 2xx (an editor whose plan changed under them would get 409: each editor
has their own plan, so none is expected; a save that answers without a new revision counts
as not 2xx too).
"""
import http.client
import json
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


def plan_editor(base, token, until, results):
    client = Client(base, token)
    unit = me(client)["user"]["homeUnitID"]
    status, plans = client.call("GET", f"/api/v1/units/{unit}/plans")
    draft = next(p for p in plans if p["state"] == "draft")
    status, detail = client.call("GET", f"/api/v1/plans/{draft['id']}")
    content, revision = detail["content"], detail["plan"]["revision"]
    processes = content["processes"]
    if len(processes) < 60:
        sys.exit(f"the editor's draft has {len(processes)} processes, not 60")
    n, run = 0, uuid.uuid4().hex[:8]  # a save is never the same as one before it
    while time.monotonic() < until:
        process = processes[n % len(processes)]
        process["alternatives"] = [f"Work from the sub-office (benchmark run {run}, save {n})"]
        started = time.monotonic()
        status, answer = client.call("PUT", f"/api/v1/plans/{draft['id']}/content",
                                     {"revision": revision, "content": content})
        if status == 200 and answer["plan"]["revision"] <= revision:
            status = 0  # answered, but nothing saved: counted as not 2xx
        results.append((time.monotonic() - started, status))
        if status == 200:
            revision = answer["plan"]["revision"]
        else:
            status, detail = client.call("GET", f"/api/v1/plans/{draft['id']}")
            content, revision = detail["content"], detail["plan"]["revision"]
            processes = content["processes"]
        n += 1


def risk_officer(base, token, until, results):
    client = Client(base, token)
    unit = me(client)["user"]["homeUnitID"]
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
    started = time.monotonic()
    until = started + seconds
    threads = [threading.Thread(target=work, args=(base, t, until, results)) for t in tokens]
    for t in threads:
        t.start()
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
