"""Load profile of `make bench`: référents at work (home, list, search, a participant page)."""

import os
import random
import re

from locust import HttpUser, between, task

USERS = [email for email in os.environ.get("BENCH_USERS", "").split(",") if email]
PASSWORD = os.environ.get("BENCH_PASSWORD", "")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DETAIL = re.compile(r'href="(/participants/\d+/)"')


class Referent(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        email = random.choice(USERS)
        page = self.client.get("/comptes/connexion/", name="connexion")
        token = CSRF.search(page.text).group(1)
        self.client.post(
            "/comptes/connexion/",
            {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": self.host + "/comptes/connexion/"},
            name="connexion",
        )
        # Named apart: these first requests run during the login storm of the ramp-up.
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
