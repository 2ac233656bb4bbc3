"""Load profile of `make bench`: référents at work (home, list, search, a participant page).

Each simulated person arrives already logged in (a session made by bench/run.py: logging in is
measured apart, a morning's logins are not a storm of fifty in five seconds) and waits between
two clicks the time given by BENCH_WAIT ("min,max" seconds; locust's usual 1 to 5 by default).
"""

import itertools
import os
import random
import re

from locust import HttpUser, between, task

SESSIONS = itertools.cycle([key for key in os.environ.get("BENCH_SESSIONS", "").split(",") if key])
COOKIE = os.environ.get("BENCH_SESSION_COOKIE", "sessionid")
WAIT = [float(x) for x in os.environ.get("BENCH_WAIT", "1,5").split(",")]
DETAIL = re.compile(r'href="(/participants/\d+/)"')


class Referent(HttpUser):
    wait_time = between(*WAIT)

    def on_start(self):
        self.client.cookies.set(COOKIE, next(SESSIONS))
        # Named apart: the person's first page, which gives the participants they may open.
        self.fiches = DETAIL.findall(self.client.get("/participants/", name="démarrage").text)

    @task(3)
    def accueil(self):
        self.client.get("/", name="/ (file active)")

    @task(3)
    def liste(self):
        self.client.get("/participants/", name="/participants/")

    @task(2)
    def recherche(self):
        self.client.get(
            f"/participants/?q={random.choice(['mar', 'hel', 'ber', 'dup', 'lef'])}", name="/participants/?q="
        )

    @task(2)
    def fiche(self):
        if self.fiches:
            self.client.get(random.choice(self.fiches), name="/participants/<id>/")
